module github.com/pfasciilogd/pfasciilogd

go 1.25.0

require (
	github.com/gopacket/gopacket v1.7.7
	go.uber.org/zap v1.28.0
	golang.org/x/net v0.55.0
	golang.org/x/sys v0.45.0
)

require go.uber.org/multierr v1.10.0 // indirect
