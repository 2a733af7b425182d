package synth

// The words synthetic catalogs are made of.

var serviceNames = []string{
	"Compute", "Storage", "Network", "IdentityCenter", "Database", "Queue",
	"Monitor", "Billing", "Dns", "Cdn", "Kms", "Vpc", "Elb", "Iam", "Ecs",
	"Obs", "Rds", "Dcs", "Smn", "Cts", "Ces", "Lts", "Apig", "FunctionGraph",
	"Cce", "Swr", "Dms", "Css", "Dws", "Mrs", "Waf", "Hss", "Sfs", "Evs",
	"Ims", "As", "Nat", "Eip", "Vpn", "Dc",
}

var serviceSuffixes = []string{"Pro", "Edge", "Global", "Lite", "Next", "Classic"}

var codeHeads = []string{
	"invalid", "missing", "unsupported", "duplicate", "expired", "malformed",
	"unknown", "forbidden", "conflicting", "exceeded", "disabled", "locked",
	"pending", "unavailable", "deprecated", "illegal", "incorrect", "insufficient",
	"mismatched", "outdated", "reserved", "restricted", "revoked", "suspended",
	"throttled", "unauthorized", "unverified", "frozen", "orphaned", "stale",
}

var codeNouns = []string{
	"Parameter", "Request", "Token", "Resource", "Quota", "Region", "Zone",
	"Instance", "Volume", "Snapshot", "Image", "Bucket", "Object", "Policy",
	"Role", "User", "Group", "Project", "Domain", "Certificate", "Key",
	"Secret", "Subnet", "Route", "Gateway", "Listener", "Pool", "Member",
	"Flavor", "Tag", "Signature", "Header", "Query", "Body", "Filter",
	"Version", "Endpoint", "Account", "Session", "Password", "Permission",
	"Agency", "Topic", "Subscription", "Alarm", "Metric", "Template", "Stack",
	"Cluster", "Node", "Namespace", "Repository", "Function", "Trigger",
	"Queue", "Message", "Backup", "Replica", "Schedule", "Workflow",
}

var codeTails = []string{
	"Value", "Format", "Length", "State", "Count", "Limit", "Type", "Name",
	"Id", "Size", "Range", "Status", "Owner", "Scope", "Mode", "Spec",
	"Config", "Reference", "Association", "Binding", "Encoding", "Checksum",
	"Timeout", "Attribute", "Identifier",
}

var subjects = []string{
	"parameter", "request", "token", "resource", "quota", "region",
	"availability zone", "instance", "volume", "snapshot", "image", "bucket",
	"object", "policy", "role", "user", "user group", "project", "domain",
	"certificate", "key pair", "secret", "subnet", "route table", "gateway",
	"listener", "backend pool", "flavor", "tag", "signature", "request header",
	"query string", "request body", "filter expression", "API version",
	"endpoint", "account", "session", "password", "permission", "agency",
	"topic", "subscription", "alarm rule", "metric", "template", "stack",
	"cluster", "node", "namespace", "repository", "function", "trigger",
	"message queue", "backup policy", "read replica", "schedule", "workflow",
}

var predicates = []string{
	"is invalid", "does not exist", "already exists", "has expired",
	"is not supported in this region", "is malformed", "is in use",
	"is being created", "is being deleted", "is frozen", "is locked",
	"exceeds the quota", "is not authorized", "is disabled",
	"cannot be modified", "is not in the expected state", "is empty",
	"is too long", "is too short", "does not match the pattern",
	"conflicts with an existing one", "was rejected by the backend",
	"could not be verified", "is temporarily unavailable",
}

var connectors = []string{"for", "of", "in", "with", "on", "because of"}

var placeholderNames = []string{"name", "id", "region", "project_id", "limit", "value", "field"}

var verbs = []string{
	"create", "delete", "update", "query", "attach", "detach", "resize",
	"start", "stop", "restart", "bind", "unbind", "import", "export",
	"authorize", "replicate", "restore", "migrate", "encrypt", "verify",
}

var adjectives = []string{
	"invalid", "missing", "unsupported", "duplicate", "expired", "malformed",
	"unknown", "forbidden", "conflicting", "locked", "pending", "unavailable",
	"restricted", "insufficient", "maximum", "total", "concurrent", "pending",
}

var limits = []string{"maximum length", "quota", "limit", "allowed range", "maximum number", "size limit"}

var actions = []string{
	"check", "verify", "correct", "update", "recreate", "release", "unlock",
	"ask the administrator to unlock", "delete the unused resources of",
	"request a higher quota for",
}

var followUps = []string{
	"try again", "retry the request", "submit the request again",
	"wait a few minutes before retrying", "call the API again",
}

// sharedDescriptions and sharedSolutions are the texts vendors repeat
// under many codes.
var sharedDescriptions = []string{
	"Internal server error.",
	"The request parameter is invalid.",
	"The service is temporarily unavailable.",
	"You do not have permission to perform this operation.",
	"The resource does not exist.",
	"The request was throttled.",
	"Authentication failed.",
	"The request body is not valid JSON.",
	"A system error occurred.",
	"The operation conflicts with the current state of the resource.",
	"The quota has been exceeded.",
	"The token has expired.",
}

var sharedSolutions = []string{
	"Contact technical support.",
	"Try again later.",
	"Check the request parameters.",
	"Check whether the resource exists.",
	"Obtain a new token and try again.",
	"Apply for a higher quota.",
	"Check the permissions of the user and try again.",
	"Modify the request body and try again.",
	"Wait until the operation completes and try again.",
	"See the API reference for the valid values.",
}
