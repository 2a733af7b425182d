package textsafe

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// JSON returns the JSON text data, as encoding/json writes it, with the
// [Hidden] characters encoding/json leaves raw (DEL, C1 controls, bidi
// controls, the byte order mark, zero-width characters) written as \u
// escapes, and the "##" of "##[" and "##vso[" as "#\u0023" (see
// [Inert]). Both can only occur inside JSON strings, where an escape
// denotes the same character: a program decoding the result gets the
// same value, and a terminal or CI log shown it gets nothing to act on.
// data must be valid UTF-8, which encoding/json guarantees.
func JSON(data []byte) []byte {
	if Clean(string(data)) && !bytes.Contains(data, []byte("##")) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case Hidden(r) && r >= 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '#' && i > 0 && data[i-1] == '#' && legacyCommand(string(data[i+1:min(len(data), i+5)])):
			b.WriteString(`\u0023`)
		default:
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.Bytes()
}
