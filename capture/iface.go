package capture

import (
	"errors"
	"strings"
)

// CheckInterface refuses an interface name no capture could ever open (a
// bad nflog group list, an nflog device off Linux), so that the daemon says so before it starts, not in its
// retries.
func CheckInterface(name string) error {
	if name == "" {
		return errors.New("-i: no interface named")
	}
	if name == "nflog" || strings.HasPrefix(name, "nflog:") {
		return checkNFLOG(name)
	}
	return nil
}
