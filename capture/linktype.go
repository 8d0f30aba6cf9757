//go:build cgo

package capture

import "github.com/gopacket/gopacket/layers"

func layersLinkType(lt int) layers.LinkType { return layers.LinkType(lt) }
