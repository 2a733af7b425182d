package apierr

// The version guard, as protobuf's EnforceVersion. Generated code that
// needs runtime version G (G is 2 today) contains
//
//	const _ = apierr.UpgradeErrgenRuntime(apierr.MaxVersion - G)
//	const _ = apierr.RegenerateWithNewerErrgen(G - apierr.MinVersion)
//
// A constant conversion of a negative value to an unsigned type does not
// compile, so the first line breaks the build when this runtime is older
// than the generated code (MaxVersion < G), and the second when the
// generated code is older than anything this runtime still supports
// (G < MinVersion); the compiler's message names the type, which says
// what to do.
//
// MaxVersion goes up when the runtime gains what newer generated code
// needs, such as a field its tables set; MinVersion goes up only when the
// runtime drops support for old generated code, which means a new major
// version of errgen. Version 2 added Table.Documented; code of version 1
// does not set it and still works.
const (
	// MinVersion is the oldest generated code this runtime supports.
	MinVersion = 1
	// MaxVersion is the newest generated code this runtime supports.
	MaxVersion = 2
)

// UpgradeErrgenRuntime appears in a build error when generated code needs
// a newer version of this package: update the module
// github.com/errgen/errgen that the build uses (go get
// github.com/errgen/errgen@latest), or regenerate with the errgen of the
// version the build uses.
type UpgradeErrgenRuntime uint

// RegenerateWithNewerErrgen appears in a build error when generated code
// is older than this package supports: regenerate it with the errgen of
// the version the build uses.
type RegenerateWithNewerErrgen uint
