//go:build linux

package capture

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestNFLOGGroupHeldOrForbidden: binding a group another socket holds
// (EPERM on current kernels) names the likely holders, and a process
// without CAP_NET_ADMIN is told what it lacks. It runs as root in a
// network namespace of its own, on a thread that is never used again.
func TestNFLOGGroupHeldOrForbidden(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("not root: binding an NFLOG group needs CAP_NET_ADMIN (CI runs as root)")
	}
	type result struct {
		first, second, unpriv error
		skip                  string
	}
	done := make(chan result)
	go func() {
		// The thread keeps the namespace and the dropped capability: it
		// is left locked, so the runtime ends it with the goroutine.
		runtime.LockOSThread()
		var res result
		defer func() { done <- res }()
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			res.skip = "no network namespace: " + err.Error()
			return
		}
		cfg := Config{Interface: "nflog:42"}
		cfg.defaults()
		r, err := openNFLOG(cfg, nil)
		if err != nil {
			res.first = err
			return
		}
		defer r.close()
		_, res.second = openNFLOG(cfg, nil)

		// Without CAP_NET_ADMIN (effective set of this thread only).
		hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
		var data [2]unix.CapUserData
		if err := unix.Capget(&hdr, &data[0]); err != nil {
			res.skip = "capget: " + err.Error()
			return
		}
		data[unix.CAP_NET_ADMIN/32].Effective &^= 1 << (unix.CAP_NET_ADMIN % 32)
		if err := unix.Capset(&hdr, &data[0]); err != nil {
			res.skip = "capset: " + err.Error()
			return
		}
		cfg.Interface = "nflog:43"
		_, res.unpriv = openNFLOG(cfg, nil)
	}()
	res := <-done
	if res.skip != "" {
		t.Skip(res.skip)
	}
	if res.first != nil {
		t.Fatalf("first bind of nflog:42: %v", res.first)
	}
	// Each error names its own cause only.
	if res.second == nil || !strings.Contains(res.second.Error(), "another process") || strings.Contains(res.second.Error(), "CAP_NET_ADMIN") {
		t.Errorf("second bind of the same group: %v; want the hint naming another process, and only that", res.second)
	}
	if res.unpriv == nil || !strings.Contains(res.unpriv.Error(), "CAP_NET_ADMIN") || strings.Contains(res.unpriv.Error(), "another process") {
		t.Errorf("without CAP_NET_ADMIN: %v; want the hint naming the capability, and only that", res.unpriv)
	}
}
