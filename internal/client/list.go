package client

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
)

// defaultListPageSize is the limit every list call asks for on each page.
const defaultListPageSize = 100

// listPage is the answer of one list request: the total the API reports (nil when the
// answer has none) and the items of this page. Each list endpoint names its items
// differently, so each has its own page struct; decode errors then name that struct.
type listPage[T any] interface {
	reportedCount() *int64
	pageItems() []T
}

// queryOf turns a list call's filters into its query. An empty value is left out: the
// filter structs' zero value means "no filter".
func queryOf(filters map[string]string) url.Values {
	query := url.Values{}
	for key, value := range filters {
		if value != "" {
			query.Set(key, value)
		}
	}
	return query
}

// listAll returns every item of a list endpoint, following limit/offset until the total
// the API reports (count) has been read or a page comes back empty (the list shrank
// while paging). what names the list in the error of an answer without a count.
func listAll[T any, P listPage[T]](ctx context.Context, c *Client, segments []string, query url.Values, what string) ([]T, error) {
	query.Set("limit", strconv.Itoa(c.listPageSize))
	items := []T{}
	for {
		query.Set("offset", strconv.Itoa(len(items)))
		resp, err := c.send(ctx, call{method: http.MethodGet, segments: segments, query: query})
		if err != nil {
			return nil, err
		}
		var page P
		if err := resp.decodeObject(&page); err != nil {
			return nil, err
		}
		count := page.reportedCount()
		if count == nil {
			return nil, resp.decodeError(errors.New("the " + what + " has no count"))
		}
		items = append(items, page.pageItems()...)
		if len(page.pageItems()) == 0 || int64(len(items)) >= *count {
			return items, nil
		}
	}
}
