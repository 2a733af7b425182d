package diff

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/emit/gopkg"
)

// BumpLevel is a semantic-version bump.
type BumpLevel int

// The bumps, smallest first.
const (
	BumpNone BumpLevel = iota
	BumpPatch
	BumpMinor
	BumpMajor
)

var bumpNames = [...]string{"none", "patch", "minor", "major"}

func (b BumpLevel) String() string {
	if b < 0 || int(b) >= len(bumpNames) {
		return fmt.Sprintf("BumpLevel(%d)", int(b))
	}
	return bumpNames[b]
}

// MarshalText writes none, patch, minor or major.
func (b BumpLevel) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// Bump is the module version bump that regenerating the Go package implies
// for its users, and why.
type Bump struct {
	Level  BumpLevel `json:"level"`
	Reason string    `json:"reason"`
}

// String is "major (1 code removed: X)".
func (b Bump) String() string {
	if b.Reason == "" {
		return b.Level.String()
	}
	return fmt.Sprintf("%s (%s)", b.Level, b.Reason)
}

// suggestBump compares the Go constants the generated packages of the two
// catalogs declare, named as the Go emitter names them: a constant that
// disappears or whose value changes breaks users' code (major); a new
// constant is new API (minor); any other change only changes the package's
// tables and documentation (patch).
func suggestBump(oldCodes, newCodes []string, names map[string]string, changes int) Bump {
	oldNames, newNames := constants(oldCodes, names), constants(newCodes, names)
	newByName := make(map[string]string, len(newNames))
	for code, n := range newNames {
		newByName[n] = code
	}
	var removed, changed, added []string
	for _, code := range oldCodes {
		name := oldNames[code]
		if n, ok := newByName[name]; !ok {
			removed = append(removed, fmt.Sprintf("%s (%s)", code, name))
		} else if n != code {
			changed = append(changed, fmt.Sprintf("%s: %s → %s", name, code, n))
		}
	}
	oldByName := map[string]bool{}
	for _, n := range oldNames {
		oldByName[n] = true
	}
	for _, code := range newCodes {
		if name := newNames[code]; !oldByName[name] {
			added = append(added, fmt.Sprintf("%s (%s)", code, name))
		}
	}
	switch {
	case len(removed) > 0 || len(changed) > 0:
		var why []string
		if len(removed) > 0 {
			why = append(why, count(len(removed), "code")+" removed: "+list(removed))
		}
		if len(changed) > 0 {
			why = append(why, count(len(changed), "constant")+" change value: "+list(changed))
		}
		return Bump{BumpMajor, strings.Join(why, "; ")}
	case len(added) > 0:
		return Bump{BumpMinor, count(len(added), "code") + " added: " + list(added)}
	case changes > 0:
		return Bump{BumpPatch, "no Go constant added or removed; documented texts or statuses changed"}
	}
	return Bump{BumpNone, ""}
}

// constants returns each code's Go constant name: its names: override, or
// the name the Go emitter derives.
func constants(codes []string, names map[string]string) map[string]string {
	prefix := gopkg.CommonPrefix(codes)
	out := make(map[string]string, len(codes))
	for _, code := range codes {
		name, ok := names[code]
		if !ok {
			name = gopkg.GoName(code, prefix)
		}
		if name == "" {
			name = code // no Go name: the emitter refuses it; compare codes
		}
		out[code] = name
	}
	return out
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// list shows the first few items of a long list.
func list(items []string) string {
	const show = 5
	if len(items) <= show {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:show], ", ") + fmt.Sprintf(", and %d more", len(items)-show)
}
