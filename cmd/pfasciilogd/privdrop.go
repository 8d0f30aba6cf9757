package main

import (
	"fmt"
	"os/user"
	"strconv"
	"syscall"
)

// credentials are the user and group -Z drops to.
type credentials struct {
	uid, gid int
}

func lookupUser(name string) (*credentials, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("-Z %s: %w", name, err)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err1 != nil || err2 != nil {
		return nil, fmt.Errorf("-Z %s: uid %q gid %q are not numbers", name, u.Uid, u.Gid)
	}
	return &credentials{uid: uid, gid: gid}, nil
}

// apply sets the group list, the group and the user, in that order, for
// the whole process.
func (c *credentials) apply() error {
	if err := syscall.Setgroups([]int{c.gid}); err != nil {
		return fmt.Errorf("-Z: setgroups: %w", err)
	}
	if err := syscall.Setgid(c.gid); err != nil {
		return fmt.Errorf("-Z: setgid %d: %w", c.gid, err)
	}
	if err := syscall.Setuid(c.uid); err != nil {
		return fmt.Errorf("-Z: setuid %d: %w", c.uid, err)
	}
	if syscall.Geteuid() != c.uid {
		return fmt.Errorf("-Z: still running as uid %d", syscall.Geteuid())
	}
	return nil
}
