package client

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// listEndpoint is one list call seen from outside: its path, the JSON key of its items
// and the IDs it returns.
type listEndpoint struct {
	name, path, itemsKey, what string
	list                       func(*Client) ([]string, error)
}

func listEndpoints(t *testing.T) []listEndpoint {
	return []listEndpoint{
		{"tasks", "/v3/tasks", "tasks", "task list", func(c *Client) ([]string, error) {
			tasks, err := c.ListTasks(testContext(t), ListTasksFilter{})
			return idsOf(tasks, func(task Task) *string { return task.ID }), err
		}},
		{"templates", "/v3/vm/templates", "templates", "template list", func(c *Client) ([]string, error) {
			templates, err := c.ListTemplates(testContext(t), ListTemplatesFilter{})
			return idsOf(templates, func(tpl TemplateAnswer) *string { return tpl.ID }), err
		}},
		{"source servers", "/v3/sources", "source_servers", "source server list", func(c *Client) ([]string, error) {
			servers, err := c.ListSourceServers(testContext(t), ListSourceServersFilter{})
			return idsOf(servers, func(s SourceServerSummary) *string { return s.ID }), err
		}},
	}
}

func idsOf[T any](items []T, id func(T) *string) []string {
	ids := []string{}
	for _, item := range items {
		ids = append(ids, *id(item))
	}
	return ids
}

// Every list call reads each page once, in offset order, and stops exactly when the
// reported count has been read or a page is empty: a loop that stopped early would miss
// IDs, one that asked again would send a request more.
func TestListCalls_pageUntilCountOrEmptyPage(t *testing.T) {
	t.Parallel()
	page := func(count int, ids ...string) string {
		items := make([]string, len(ids))
		for i, id := range ids {
			items[i] = fmt.Sprintf(`{"id":%q,"name":"n-%s"}`, id, id)
		}
		return fmt.Sprintf(`{"count":%d,"%%s":[%s]}`, count, strings.Join(items, ","))
	}
	cases := []struct {
		name        string
		pages       []string
		wantIDs     []string
		wantOffsets []string
	}{
		{"three pages, the last one short", []string{page(5, "a", "b"), page(5, "c", "d"), page(5, "e")},
			[]string{"a", "b", "c", "d", "e"}, []string{"0", "2", "4"}},
		{"count reached on a full page asks no further", []string{page(4, "a", "b"), page(4, "c", "d")},
			[]string{"a", "b", "c", "d"}, []string{"0", "2"}},
		{"an empty page ends a list that shrank", []string{page(4, "a", "b"), page(4)},
			[]string{"a", "b"}, []string{"0", "2"}},
		{"no items", []string{page(0)}, []string{}, []string{"0"}},
	}
	for _, ep := range listEndpoints(t) {
		for _, tc := range cases {
			t.Run(ep.name+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, r *http.Request, _ []byte, n int) bool {
					if n > len(tc.pages) {
						f.t.Errorf("request %d for %s: only %d pages exist", n, r.URL, len(tc.pages))
						writeBody(f.t, w, []byte(fmt.Sprintf(`{"count":0,%q:[]}`, ep.itemsKey)))
						return true
					}
					writeBody(f.t, w, []byte(fmt.Sprintf(tc.pages[n-1], ep.itemsKey)))
					return true
				})
				c, _ := newTestClient(t, f, nil)
				c.listPageSize = 2
				ids, err := ep.list(c)
				if err != nil {
					t.Fatalf("list: %v", err)
				}
				if diff := cmp.Diff(tc.wantIDs, ids); diff != "" {
					t.Errorf("ids (-want +got):\n%s", diff)
				}
				var offsets []string
				for _, r := range f.Requests() {
					if r.Method != http.MethodGet || r.Path != ep.path {
						t.Errorf("request %s %s, want GET %s", r.Method, r.Path, ep.path)
					}
					offsets = append(offsets, strings.TrimPrefix(r.RawQuery, "limit=2&offset="))
				}
				if diff := cmp.Diff(tc.wantOffsets, offsets); diff != "" {
					t.Errorf("offsets (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// An answer without a count cannot be paged; each list call says which list lacks it.
func TestListCalls_answerWithoutCount(t *testing.T) {
	t.Parallel()
	for _, ep := range listEndpoints(t) {
		t.Run(ep.name, func(t *testing.T) {
			t.Parallel()
			f := newFakeSMS(t, func(f *fakeSMS, w http.ResponseWriter, _ *http.Request, _ []byte, _ int) bool {
				writeBody(f.t, w, []byte(fmt.Sprintf(`{%q:[{"id":"a"}]}`, ep.itemsKey)))
				return true
			})
			c, _ := newTestClient(t, f, nil)
			_, err := ep.list(c)
			want := fmt.Sprintf("SMS API GET %s: unexpected response body (request id req-1): the %s has no count", ep.path, ep.what)
			if err == nil || err.Error() != want {
				t.Errorf("error = %v, want %s", err, want)
			}
			if got := len(f.Requests()); got != 1 {
				t.Errorf("requests = %d, want 1", got)
			}
		})
	}
}
