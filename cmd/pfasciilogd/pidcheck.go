package main

import (
	"path/filepath"

	"go.uber.org/zap"

	"github.com/pfasciilogd/pfasciilogd/internal/pidfile"
)

// checkPidfileRemoval says at start, before privileges are dropped to
// user, when user will not be able to remove the pid file at exit, what
// will happen then and what to do: the convention of base daemons that
// drop privileges is a pid directory owned by the user, which the rc.d
// scripts, the systemd unit and make install create.
func checkPidfileRemoval(log *zap.SugaredLogger, pf *pidfile.File, user string, cr *credentials) {
	if pf == nil || cr == nil {
		return
	}
	if err := pf.AllowRemovalBy(cr.uid, cr.gid); err != nil {
		log.Warnw("the -Z user cannot remove the pid file: at exit it will be emptied and left behind; put it in a directory the user owns",
			"pidfile", pf.Path(), "user", user, "reason", err.Error(),
			"example", "--pidfile "+filepath.Join("/var/run/pfasciilogd", filepath.Base(pf.Path()))+" with /var/run/pfasciilogd owned by "+user)
	}
}
