package pcapgen

// AppendNFAttr appends one NFLOG attribute (its header in host order, its
// value padded to 4 bytes), as the kernel lays it out in a record.
func AppendNFAttr(b []byte, typ uint16, v []byte) []byte { return appendNFTLV(b, typ, v) }
