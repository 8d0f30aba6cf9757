package e2e

// A network of several namespaces: segments (a bridge in one namespace,
// veth pairs to the others), for the tests that need more than netPair's
// two namespaces.

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// segment joins namespaces on one Ethernet segment: a bridge in hub, with
// hubAddr on it, and a veth from the bridge to each member namespace,
// which gets the address given for it. Addresses are IPv4 with prefixLen.
// name (a few letters) names the bridge and the interfaces.
func segment(t *testing.T, name, hub, hubAddr string, members [][2]string) {
	t.Helper()
	br := "br-" + name
	run(t, "ip", "-n", hub, "link", "add", br, "type", "bridge")
	run(t, "ip", "-n", hub, "addr", "add", hubAddr+"/"+prefixLen, "dev", br)
	run(t, "ip", "-n", hub, "link", "set", br, "up")
	for i, m := range members {
		ns, addr := m[0], m[1]
		port := fmt.Sprintf("%s%d", name, i)
		dev := "eth-" + name
		run(t, "ip", "-n", hub, "link", "add", port, "type", "veth", "peer", "name", dev, "netns", ns)
		run(t, "ip", "-n", hub, "link", "set", port, "master", br, "up")
		run(t, "ip", "-n", ns, "addr", "add", addr+"/"+prefixLen, "dev", dev)
		run(t, "ip", "-n", ns, "link", "set", dev, "up")
	}
}

// nft loads an nftables ruleset into a namespace.
func nft(t *testing.T, ns, rules string) {
	t.Helper()
	out, err := nftCmd(ns, rules)
	if err != nil {
		t.Fatalf("nft -f - in %s: %v: %s\n%s", ns, err, out, rules)
	}
}

func nftCmd(ns, rules string) ([]byte, error) {
	cmd := exec.Command("ip", "netns", "exec", ns, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader(rules)
	return cmd.CombinedOutput()
}

// nftPackets returns the packets of the named counter of an inet table.
func nftPackets(t *testing.T, ns, table, counter string) int {
	t.Helper()
	out := run(t, "ip", "netns", "exec", ns, "nft", "-j", "list", "counter", "inet", table, counter)
	var doc struct {
		Nftables []struct {
			Counter *struct {
				Name    string `json:"name"`
				Packets int    `json:"packets"`
			} `json:"counter"`
		} `json:"nftables"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("nft -j list counter inet %s %s: %v: %s", table, counter, err, out)
	}
	for _, o := range doc.Nftables {
		if o.Counter != nil && o.Counter.Name == counter {
			return o.Counter.Packets
		}
	}
	t.Fatalf("nft -j list counter: no counter %q in %s", counter, out)
	return 0
}
