package diff

import (
	"fmt"
	"strings"

	"github.com/errgen/errgen/catalog"
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
// catalogs declare, named as the Go emitter names them (catalog.GoNames,
// with the config's names: and trim_prefixes:). A name depends on its code
// alone, so each code is compared with itself: a code only in old is a
// removed constant and one only in new an added one; a code in both whose
// name differs (its suggested name changed, or the package came to declare
// its name itself) is a renamed constant. Removed codes whose names added
// codes take are constants that change value. Anything removed, renamed
// or changing value breaks users' code (major); a new constant is new API
// (minor); any other change only changes the package's tables and
// documentation (patch).
func suggestBump(old, new *catalog.Catalog, naming catalog.Naming, changes int) Bump {
	oldCodes, newCodes := old.Codes(), new.Codes()
	oldNames, newNames := constants(old, naming), constants(new, naming)
	addedByName := map[string]string{}
	for _, code := range newCodes {
		if _, ok := oldNames[code]; !ok {
			addedByName[newNames[code]] = code
		}
	}
	var removed, renamed, changed, added []string
	taken := map[string]bool{} // added codes reported as a changed value
	for _, code := range oldCodes {
		name := oldNames[code]
		n, ok := newNames[code]
		switch {
		case ok && n != name:
			renamed = append(renamed, fmt.Sprintf("%s → %s (%s)", name, n, code))
		case ok:
		case addedByName[name] != "":
			changed = append(changed, fmt.Sprintf("%s: %s → %s", name, code, addedByName[name]))
			taken[addedByName[name]] = true
		default:
			removed = append(removed, fmt.Sprintf("%s (%s)", code, name))
		}
	}
	for _, code := range newCodes {
		if _, ok := oldNames[code]; !ok && !taken[code] {
			added = append(added, fmt.Sprintf("%s (%s)", code, newNames[code]))
		}
	}
	switch {
	case len(removed) > 0 || len(renamed) > 0 || len(changed) > 0:
		var why []string
		if len(removed) > 0 {
			why = append(why, count(len(removed), "code")+" removed: "+list(removed))
		}
		if len(renamed) > 0 {
			why = append(why, count(len(renamed), "constant")+" renamed: "+list(renamed))
		}
		if len(changed) > 0 {
			verb := " change value: "
			if len(changed) == 1 {
				verb = " changes value: "
			}
			why = append(why, count(len(changed), "constant")+verb+list(changed))
		}
		return Bump{BumpMajor, strings.Join(why, "; ")}
	case len(added) > 0:
		return Bump{BumpMinor, count(len(added), "code") + " added: " + list(added)}
	case changes > 0:
		return Bump{BumpPatch, "no Go constant added or removed; documented texts or statuses changed"}
	}
	return Bump{BumpNone, ""}
}

// constants returns each code's Go constant name as catalog.GoNames gives
// it. A catalog the emitter would refuse to name (two codes with one
// name, an override of a code this side lacks, as when the config's names
// describe the other side) still gets every name GoNames can give; a code
// without one is shown as itself.
func constants(c *catalog.Catalog, naming catalog.Naming) map[string]string {
	names, _ := catalog.GoNames(c, naming)
	out := make(map[string]string, len(names))
	for _, code := range c.Codes() {
		name := names[code]
		if name == "" {
			name = code
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
