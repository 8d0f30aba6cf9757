package writer

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

func TestLinesWholeAndInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pflog.log")
	w := newTest(t, Config{Path: path})
	const producers, perProducer = 4, 5000
	var wg sync.WaitGroup
	for g := range producers {
		wg.Go(func() {
			buf := make([]byte, 0, 256)
			for i := range perProducer {
				buf = fmt.Appendf(buf[:0], "g%d seq %06d %s", g, i, strings.Repeat("x", i%150))
				if i%3 == 0 {
					// A batch of two whole lines in one Write.
					buf = append(buf, '\n')
					i2 := i
					buf = fmt.Appendf(buf, "g%d batch %06d\n", g, i2)
					if _, err := w.Write(buf); err != nil {
						t.Error(err)
						return
					}
					continue
				}
				if err := w.WriteLine(buf); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got := readFile(t, path)
	if !strings.HasSuffix(got, "\n") {
		t.Fatal("file does not end with a newline")
	}
	next := make([]int, producers)
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	for _, ln := range lines {
		var g, i int
		if strings.Contains(ln, " batch ") {
			if _, err := fmt.Sscanf(ln, "g%d batch %d", &g, &i); err != nil {
				t.Fatalf("bad line %q", ln)
			}
			if i != next[g]-1 || i%3 != 0 {
				t.Fatalf("batch line %q out of place (next %d)", ln, next[g])
			}
			continue
		}
		var xs string
		n, _ := fmt.Sscanf(ln, "g%d seq %d %s", &g, &i, &xs)
		if n < 2 || i != next[g] || xs != strings.Repeat("x", i%150) {
			t.Fatalf("line %q: not whole or out of order (want seq %d)", ln, next[g])
		}
		next[g]++
	}
	for g, n := range next {
		if n != perProducer {
			t.Errorf("producer %d: %d lines, want %d", g, n, perProducer)
		}
	}
	want := uint64(producers * (perProducer + (perProducer+2)/3))
	if s := w.Stats(); s.LinesWritten != want || s.LinesDropped != 0 || s.BytesWritten != uint64(len(got)) || s.QueuedBytes != 0 {
		t.Errorf("stats %+v, want %d lines written, %d bytes", s, want, len(got))
	}
	if uint64(len(lines)) != want {
		t.Errorf("%d lines in file, want %d", len(lines), want)
	}
}

func TestWriteAddsMissingNewline(t *testing.T) {
	f := &memFile{}
	o := &opener{files: []*memFile{f}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	mustWrite(t, w, "a")
	mustWrite(t, w, "b\nc")
	if n, err := w.Write(nil); n != 0 || err != nil {
		t.Errorf("Write(nil) = %d, %v", n, err)
	}
	if err := w.WriteLine([]byte("d")); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != "a\nb\nc\nd\n" {
		t.Errorf("got %q", got)
	}
	if _, _, syncs, closed := f.get(); syncs != 1 || !closed {
		t.Errorf("syncs %d closed %v, want 1 true", syncs, closed)
	}
}

func TestReopenAfterRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pflog.log")
	w := newTest(t, Config{Path: path})
	var before, after strings.Builder
	for i := range 100 {
		before.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if err := os.Rename(path, path+".0"); err != nil {
		t.Fatal(err)
	}
	reopen(t, w)
	for i := 100; i < 150; i++ {
		after.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path+".0"); got != before.String() {
		t.Errorf("old file: %d bytes, want %d", len(got), before.Len())
	}
	if got := readFile(t, path); got != after.String() {
		t.Errorf("new file: %d bytes, want %d", len(got), after.Len())
	}
	if s := w.Stats(); s.Reopens != 1 || s.LinesWritten != 150 {
		t.Errorf("stats %+v", s)
	}
}

// newsyslog/logrotate create mode, concurrently with a producer.
func TestReopenCyclesLoseNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pflog.log")
	w := newTest(t, Config{Path: path})
	const total, cycles = 20000, 20
	milestones := make(chan struct{}, cycles)
	rotated := make(chan error, 1)
	go func() {
		for k := range cycles {
			<-milestones
			if err := os.Rename(path, fmt.Sprintf("%s.%02d", path, k)); err != nil {
				rotated <- err
				return
			}
			if err := w.Reopen(); err != nil {
				rotated <- err
				return
			}
			if err := w.Flush(); err != nil {
				rotated <- err
				return
			}
		}
		rotated <- nil
	}()
	for i := range total {
		mustWrite(t, w, line(i))
		if i%(total/cycles) == total/cycles/2 {
			milestones <- struct{}{}
		}
	}
	if err := <-rotated; err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for k := range cycles + 1 {
		name := path
		if k < cycles {
			name = fmt.Sprintf("%s.%02d", path, k)
		}
		got := readFile(t, name)
		if got != "" && !strings.HasSuffix(got, "\n") {
			t.Errorf("%s does not end with a newline", name)
		}
		all.WriteString(got)
	}
	var want strings.Builder
	for i := range total {
		want.WriteString(line(i))
	}
	if all.String() != want.String() {
		t.Fatalf("files together: %d bytes, want %d", all.Len(), want.Len())
	}
	if s := w.Stats(); s.Reopens != cycles || s.LinesWritten != total || s.LinesDropped != 0 || s.WriteErrors != 0 {
		t.Errorf("stats %+v", s)
	}
}

// ENOSPC on the first N writes (half of each failing write lands), then
// recovery: nothing lost, the remainder of a half-written chunk first.
func TestWriteErrorsThenRecovery(t *testing.T) {
	const fails = 7
	f := &memFile{failNext: fails, partial: true}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log})
	var want strings.Builder
	for i := range 3000 {
		want.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != want.String() {
		t.Fatalf("file: %d bytes, want %d", len(got), want.Len())
	}
	s := w.Stats()
	if s.WriteErrors != fails || s.LinesWritten != 3000 || s.LinesDropped != 0 {
		t.Errorf("stats %+v, want %d errors", s, fails)
	}
	if !log.has("cannot write log file") || !log.has("writing resumed") {
		t.Errorf("log messages:\n%s", log)
	}
}

// Lines keep queueing while the file fails, and are written on recovery.
func TestLinesQueueWhileFailing(t *testing.T) {
	f := &memFile{failAll: true, failed: make(chan struct{}, 1)}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log})
	var want strings.Builder
	for i := range 100 {
		want.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if err := w.Flush(); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Flush while failing = %v, want ENOSPC", err)
	}
	<-f.failed
	for i := 100; i < 200; i++ {
		want.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if s := w.Stats(); s.LinesWritten != 0 || s.WriteErrors == 0 || s.QueuedBytes != want.Len() {
		t.Errorf("while failing: stats %+v", s)
	}
	f.set(func(f *memFile) { f.failAll = false })
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != want.String() {
		t.Fatalf("file: %d bytes, want %d", len(got), want.Len())
	}
	_, failures, _, _ := f.get()
	if s := w.Stats(); s.WriteErrors != uint64(failures) || s.LinesWritten != 200 || s.QueuedBytes != 0 {
		t.Errorf("stats %+v, want %d errors", s, failures)
	}
	if !log.has("cannot write log file") || !log.has("writing resumed") {
		t.Errorf("log messages:\n%s", log)
	}
}

func TestQueueOverflowDropsWholeLines(t *testing.T) {
	f := &memFile{entered: make(chan struct{}), gate: make(chan struct{})}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	l0 := line(0)
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log, QueueBytes: 10 * len(l0), FlushInterval: 1})
	mustWrite(t, w, line(0))
	<-f.entered // the writer is blocked writing line 0, which still counts as queued
	var want strings.Builder
	want.WriteString(line(0))
	accepted, dropped := 1, 0
	for i := 1; i < 30; i++ {
		_, err := w.Write([]byte(line(i)))
		switch {
		case err == nil:
			accepted++
			want.WriteString(line(i))
		case errors.Is(err, ErrQueueFull):
			dropped++
		default:
			t.Fatal(err)
		}
	}
	// Room for a short line, but not for a batch of two long ones.
	if _, err := w.Write([]byte(line(1000) + line(1001))); !errors.Is(err, ErrQueueFull) {
		t.Fatalf("batch: %v, want ErrQueueFull", err)
	}
	dropped += 2
	if accepted != 10 || dropped != 22 {
		t.Fatalf("accepted %d dropped %d, want 10 and 22", accepted, dropped)
	}
	go func() {
		for range f.entered {
		}
	}()
	close(f.gate)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	close(f.entered)
	if got := f.String(); got != want.String() {
		t.Fatalf("file:\n%s\nwant:\n%s", got, want.String())
	}
	if s := w.Stats(); s.LinesWritten != 10 || s.LinesDropped != 22 {
		t.Errorf("stats %+v", s)
	}
	if !log.has("lines dropped") {
		t.Errorf("log messages:\n%s", log)
	}
}

func TestSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("precious\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "pflog.log")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	w, err := New(Config{Path: path})
	if err == nil {
		w.Close()
		t.Fatal("New opened a symbolic link")
	}
	if !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("error %q does not say why", err)
	}
	if got := readFile(t, target); got != "precious\n" {
		t.Errorf("target changed: %q", got)
	}
}

// A reopen onto a symbolic link fails; the old descriptor is kept.
func TestReopenFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pflog.log")
	target := filepath.Join(dir, "target")
	log := &testLogger{}
	w := newTest(t, Config{Path: path, Logger: log})
	mustWrite(t, w, line(0))
	if err := os.Rename(path, path+".0"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	reopen(t, w)
	if !log.has("symbolic link") {
		t.Fatalf("no message about the symbolic link after a reopen onto one:\n%s", log)
	}
	mustWrite(t, w, line(1))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, path+".0"), line(0)+line(1); got != want {
		t.Errorf("old file %q, want %q", got, want)
	}
	// The path is fixed; the timer retries the reopen.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "the reopen to be retried", func() bool { return w.Stats().Reopens == 1 })
	mustWrite(t, w, line(2))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != line(2) {
		t.Errorf("new file %q, want %q", got, line(2))
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("symlink target was created: %v", err)
	}
	if s := w.Stats(); s.Reopens != 1 {
		t.Errorf("stats %+v", s)
	}
	if !log.has("cannot reopen log file") || !log.has("reopened log file") {
		t.Errorf("log messages:\n%s", log)
	}
}

// Lines the failing old file refuses go whole to the new file on Reopen,
// and the old file is cut back to its last whole line.
func TestReopenMovesRefusedLinesToNewFile(t *testing.T) {
	old := &memFile{failAll: true, partial: true}
	nf := &memFile{}
	o := &opener{files: []*memFile{old, nf}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	var want strings.Builder
	for i := range 500 {
		want.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	reopen(t, w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// The old file has the whole lines of the failed writes, the new one
	// the rest.
	o0 := old.String()
	if !strings.HasPrefix(want.String(), o0) || o0 != "" && !strings.HasSuffix(o0, "\n") {
		t.Fatalf("old file: %d bytes, not a prefix of whole lines", len(o0))
	}
	if got, rest := nf.String(), want.String()[len(o0):]; got != rest {
		t.Fatalf("new file: %d bytes, want %d", len(got), len(rest))
	}
	if s := w.Stats(); s.LinesWritten != 500 || s.Reopens != 1 || s.WriteErrors == 0 || s.LinesLost != 0 {
		t.Errorf("stats %+v", s)
	}
}

// EBADF/ESTALE mean the descriptor is dead: the path is opened again.
func TestStaleDescriptorReopens(t *testing.T) {
	old := &memFile{failAll: true, failErr: syscall.ESTALE}
	nf := &memFile{}
	o := &opener{files: []*memFile{old, nf}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	mustWrite(t, w, line(0))
	if err := w.Flush(); err == nil {
		t.Fatal("Flush on a stale file succeeded")
	}
	mustWrite(t, w, line(1))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got, want := nf.String(), line(0)+line(1); got != want {
		t.Errorf("new file %q, want %q", got, want)
	}
}

func TestRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pflog.log")
	mk := func(i int) string { // 100 bytes with its newline
		s := fmt.Sprintf("line %04d ", i)
		return s + strings.Repeat("r", 99-len(s)) + "\n"
	}
	// A pre-existing path is appended to and its size counted; a file
	// beyond RotateKeep is not touched.
	if err := os.WriteFile(path, []byte(mk(-1)), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".7", []byte("other\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	w := newTest(t, Config{Path: path, RotateSize: 1000, RotateKeep: 3})
	for i := range 94 {
		mustWrite(t, w, mk(i))
		if i%7 == 0 {
			if err := w.Flush(); err != nil { // vary the write sizes
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// 95 lines at 10 per file: the live file has the last 5.
	expect := func(name string, from, to int) {
		t.Helper()
		var want strings.Builder
		for i := from; i < to; i++ {
			want.WriteString(mk(i))
		}
		if got := readFile(t, name); got != want.String() {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want.String())
		}
	}
	expect(path, 89, 94)
	expect(path+".0", 79, 89)
	expect(path+".1", 69, 79)
	expect(path+".2", 59, 69)
	if _, err := os.Stat(path + ".3"); !os.IsNotExist(err) {
		t.Errorf("%s.3 exists: %v", path, err)
	}
	if got := readFile(t, path+".7"); got != "other\n" {
		t.Errorf("%s.7 changed: %q", path, got)
	}
	if s := w.Stats(); s.Rotations != 9 {
		t.Errorf("stats %+v, want 9 rotations", s)
	}
}

func TestRotationRandomLengths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pflog.log")
	const size, keep = 4096, 4
	w := newTest(t, Config{Path: path, RotateSize: size, RotateKeep: keep})
	rng := rand.New(rand.NewPCG(1, 2))
	var lines []string
	for i := range 2000 {
		n := 1 + rng.IntN(300)
		if i == 1990 {
			n = size + 10 // longer than RotateSize: a file of its own
		}
		s := strconv.Itoa(i) + " " + strings.Repeat("z", n) + "\n"
		lines = append(lines, s)
		mustWrite(t, w, s)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var all string
	for k := keep - 1; k >= -1; k-- {
		name := path
		if k >= 0 {
			name = rotatedName(path, k)
		}
		got := readFile(t, name)
		if !strings.HasSuffix(got, "\n") {
			t.Errorf("%s does not end with a newline", name)
		}
		if len(got) > size && strings.Count(got, "\n") > 1 {
			t.Errorf("%s: %d bytes of several lines, more than %d", name, len(got), size)
		}
		all += got
	}
	if _, err := os.Stat(rotatedName(path, keep)); !os.IsNotExist(err) {
		t.Errorf("%d rotated files kept, want %d", keep+1, keep)
	}
	want := strings.Join(lines, "")
	if cut := len(want) - len(all); !strings.HasSuffix(want, all) || cut > 0 && want[cut-1] != '\n' {
		t.Errorf("kept files are not the last lines, whole and in order")
	}
	if s := w.Stats(); s.Rotations < keep+1 || s.LinesWritten != uint64(len(lines)) {
		t.Errorf("stats %+v", s)
	}
}

func TestCloseDrains(t *testing.T) {
	f := &memFile{}
	o := &opener{files: []*memFile{f}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open})
	var want strings.Builder
	for i := range 30000 {
		want.WriteString(line(i))
		mustWrite(t, w, line(i))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := f.String(); got != want.String() {
		t.Fatalf("file: %d bytes, want %d", len(got), want.Len())
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := w.Write([]byte("late\n")); !errors.Is(err, ErrClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	if err := w.Reopen(); !errors.Is(err, ErrClosed) {
		t.Errorf("Reopen after Close: %v", err)
	}
	if err := w.Flush(); !errors.Is(err, ErrClosed) {
		t.Errorf("Flush after Close: %v", err)
	}
	if s := w.Stats(); s.LinesWritten != 30000 || s.LinesDropped != 1 || s.QueuedBytes != 0 {
		t.Errorf("stats %+v", s)
	}
}

// A file that never recovers: Close gives up after CloseTimeout and counts
// the lines it could not write as lost.
func TestCloseGivesUp(t *testing.T) {
	f := &memFile{failAll: true}
	o := &opener{files: []*memFile{f}}
	log := &testLogger{}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, Logger: log, CloseTimeout: 5 * 1e6})
	for i := range 10 {
		mustWrite(t, w, line(i))
	}
	err := w.Close()
	if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "10 lines not written") {
		t.Fatalf("Close = %v", err)
	}
	if s := w.Stats(); s.LinesLost != 10 || s.LinesDropped != 0 || s.LinesWritten != 0 || s.QueuedBytes != 0 {
		t.Errorf("stats %+v", s)
	}
	if !log.has("lines not written") {
		t.Errorf("log messages:\n%s", log)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := New(Config{Path: filepath.Join(dir, "missing", "pflog.log")})
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("directory was created")
	}
	for _, c := range []Config{
		{},
		{Path: "x", Mode: os.ModeSetuid | 0o644},
		{Path: "x", FlushInterval: 101e6},
		{Path: "x", FlushInterval: -1},
		{Path: "x", QueueBytes: -1},
		{Path: "x", RotateSize: -1},
		{Path: "x", RotateKeep: -1},
	} {
		if w, err := New(c); err == nil {
			w.Close()
			t.Errorf("New(%+v) succeeded", c)
		}
	}
}

func TestZeroAllocsPerWrite(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	f := &memFile{discard: true}
	o := &opener{files: []*memFile{f}}
	w := newTest(t, Config{Path: "mem", OpenFile: o.open, QueueBytes: 64 << 20})
	p := []byte(line(1))
	for range 100000 { // wrap around the ring
		mustWrite(t, w, string(p))
	}
	w.Flush()
	if n := testing.AllocsPerRun(10000, func() { w.Write(p) }); n != 0 {
		t.Errorf("%v allocations per Write", n)
	}
	if n := testing.AllocsPerRun(10000, func() { w.WriteLine(p[:len(p)-1]) }); n != 0 {
		t.Errorf("%v allocations per WriteLine", n)
	}
}

func BenchmarkWrite(b *testing.B) {
	f := &memFile{discard: true}
	o := &opener{files: []*memFile{f}}
	w := newTest(b, Config{Path: "mem", OpenFile: o.open})
	p := []byte(line(1))
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		w.Write(p)
	}
	b.StopTimer()
	w.Close()
	s := w.Stats()
	b.ReportMetric(float64(s.LinesDropped)/float64(s.LinesDropped+s.LinesWritten), "dropped/op")
}

// Sustained throughput into a real file: a line the full queue refuses is
// offered again at once, so nothing is dropped; Close (drain and fsync)
// included.
func BenchmarkWriteFileSustained(b *testing.B) {
	w := newTest(b, Config{Path: filepath.Join(b.TempDir(), "pflog.log")})
	p := []byte(line(1))
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		for {
			if _, err := w.Write(p); err == nil {
				break
			}
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
}
