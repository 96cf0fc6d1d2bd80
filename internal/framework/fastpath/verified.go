package fastpath

// verifiedModules are, for each module whose behaviour the fast path reproduces, the
// versions it was checked against: the differential tests (TestFastPath* in
// internal/service/task) and the acceptance suite run both ways (make testacc) passed
// with each. TestVerifiedModules fails when go.mod requires a version not listed here.
var verifiedModules = map[string][]string{
	"github.com/hashicorp/terraform-plugin-framework": {"v1.19.0"},
	"github.com/hashicorp/terraform-plugin-go":        {"v0.31.0"},
}
