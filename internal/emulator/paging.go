package emulator

import "net/url"

// pager pages a list: it counts every match (the answer's count ignores paging) and says
// which matches are on the page that limit and offset ask for.
type pager struct {
	limit, offset int // limit 0: no limit
	count, taken  int
}

// newPager reads limit and offset; a limit of 0 (or none) is defaultLimit, 0 meaning all.
func newPager(q url.Values, defaultLimit int) (*pager, *apiError) {
	limit, aerr := queryCount(q, "limit")
	if aerr != nil {
		return nil, aerr
	}
	if limit == 0 {
		limit = defaultLimit
	}
	offset, aerr := queryCount(q, "offset")
	if aerr != nil {
		return nil, aerr
	}
	return &pager{limit: limit, offset: offset}, nil
}

// onPage counts one more match and says whether it is on the page.
func (p *pager) onPage() bool {
	p.count++
	if p.count <= p.offset || (p.limit > 0 && p.taken >= p.limit) {
		return false
	}
	p.taken++
	return true
}
