package cmi5_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/stacklet/stacklet/assets"
	"github.com/stacklet/stacklet/authoring"
	"github.com/stacklet/stacklet/authoring/jsondump"
	"github.com/stacklet/stacklet/export"
	"github.com/stacklet/stacklet/export/archive"
	"github.com/stacklet/stacklet/export/cmi5/lrstest"
	"github.com/stacklet/stacklet/internal/testenv"
)

var (
	isoDuration = regexp.MustCompile(`^P(\d+D)?T(\d+H)?(\d+M)?\d+(\.\d+)?S$`)
	uuidV4      = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

// TestChromiumCMI5 launches the sample's graded module, exported as a cmi5
// zip, from the LMS/LRS double in headless Chromium, the way an LMS does. A
// learner works through it with clicks and presses Finish; the LRS must then
// hold initialized, completed and passed (or failed), terminated, each with
// the launch's actor, activity id, registration, session id, publisher id
// and the cmi5 categories, and the verdict with the right scaled score.
func TestChromiumCMI5(t *testing.T) {
	bin := testenv.RequireTool(t, "chromium", "apt-get install chromium")
	p, media, err := jsondump.ReadFS(assets.SampleFS())
	if err != nil {
		t.Fatal(err)
	}
	m := gradedModule(t, p)
	files, err := export.Build(context.Background(), export.Job{Project: p, ModuleID: m.ID, Format: authoring.FormatCMI5, Media: media})
	if err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	if err := archive.Write(&zipped, files); err != nil {
		t.Fatal(err)
	}
	lrs := lrstest.New(t)
	aus, err := lrs.MountZip(m.ID, zipped.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	mastery := float64(m.MasteryScore) / 100
	if len(aus) != 1 || aus[0].MoveOn != "CompletedAndPassed" || aus[0].MasteryScore != strconv.FormatFloat(mastery, 'f', -1, 64) {
		t.Fatalf("cmi5.xml AUs %+v, want one with moveOn CompletedAndPassed and masteryScore %v", aus, mastery)
	}
	browser := startChromium(t, bin)

	t.Run("AllRightPassesAndReturnsToTheLMS", func(t *testing.T) {
		l := launch(t, lrs, lrstest.LaunchOptions{Package: m.ID, ReturnURL: lrs.URL + lrstest.ReturnPath})
		run(t, browser, lrs, l, m, func(*authoring.Block) bool { return true })
		verdict := assertSession(t, lrs, l, m, "passed")
		assertScore(t, verdict, 100, true)
		if got := verdict.Context.Extensions[lrstest.ExtMastery]; got != mastery {
			t.Errorf("passed: masteryscore extension %v, want %v", got, mastery)
		}
	})

	t.Run("FirstRightRestWrongFails", func(t *testing.T) {
		first := slices.IndexFunc(m.Blocks, isGraded)
		right := func(b *authoring.Block) bool { return b.ID == m.Blocks[first].ID }
		score := expectedScore(m, right)
		if score >= m.MasteryScore || score == 0 {
			t.Fatalf("expected score %d: the case needs a score between 0 and the mastery score %d", score, m.MasteryScore)
		}
		l := launch(t, lrs, lrstest.LaunchOptions{Package: m.ID})
		run(t, browser, lrs, l, m, right)
		verdict := assertSession(t, lrs, l, m, "failed")
		assertScore(t, verdict, score, false)
		if got := verdict.Context.Extensions[lrstest.ExtMastery]; got != mastery {
			t.Errorf("failed: masteryscore extension %v, want %v", got, mastery)
		}
	})
}

func gradedModule(t *testing.T, p *authoring.Project) *authoring.Module {
	t.Helper()
	for i, m := range p.Modules {
		if m.Completion == authoring.CompleteWhenBoth && m.Graded() {
			return &p.Modules[i]
		}
	}
	t.Fatal("the sample has no graded module completed when viewed and passed")
	return nil
}

func launch(t *testing.T, lrs *lrstest.Server, o lrstest.LaunchOptions) *lrstest.Launch {
	t.Helper()
	l, err := lrs.Launch(o)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// startChromium starts one headless browser for every case. no-sandbox
// because tests run as root in CI containers.
func startChromium(t *testing.T, bin string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return browser
}

// pageWatch collects what must not happen in the page: uncaught errors,
// console warnings (the cmi5 adapter warns when it gives up on the LMS) and
// requests leaving the LMS's origin.
type pageWatch struct {
	mu       sync.Mutex
	problems []string
}

func (w *pageWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *pageWatch) report(t *testing.T) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Error(p)
	}
}

func (w *pageWatch) listen(origin string) func(any) {
	return func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			if d.Exception != nil {
				w.add("uncaught: %s %s", d.Text, d.Exception.Description)
			} else {
				w.add("uncaught: %s", d.Text)
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				w.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, origin+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				w.add("request left the origin: %s", u)
			}
		}
	}
}

// run opens the launch URL in a new tab, lets a learner answer each graded
// question right or wrong as right says, waits for the verdict to reach the
// LRS and presses Finish.
func run(t *testing.T, browser context.Context, lrs *lrstest.Server, l *lrstest.Launch, m *authoring.Module, right func(*authoring.Block) bool) {
	t.Helper()
	watch := &pageWatch{}
	defer watch.report(t) // also when the case fails: a console warning often says why
	// A browser context of its own: no storage left by the other case.
	tab, closeTab := chromedp.NewContext(browser, chromedp.WithNewBrowserContext(), chromedp.WithListener(watch.listen(lrs.URL)))
	defer closeTab()
	if err := chromedp.Do(tab); err != nil { // the tab, without a deadline
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Navigate(l.URL),
		chromedp.Poll[chromedp.Void](`!document.querySelector('main').inert`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("open %s: %v", l.URL, err)
	}
	lr := &learner{ctx: ctx, m: m, right: right}
	for i := range m.Blocks {
		if err := lr.do(&m.Blocks[i]); err != nil {
			t.Fatalf("block %d (%s, %s): %v", i+1, m.Blocks[i].Kind(), m.Blocks[i].ID, err)
		}
	}
	verdict := "failed"
	if expectedScore(m, right) >= m.MasteryScore {
		verdict = "passed"
	}
	waitForVerbs(t, l, "initialized", "completed", verdict)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`[data-role=results] button[data-action=finish]`))); err != nil {
		t.Fatalf("press Finish: %v", err)
	}
	waitForVerbs(t, l, "terminated")
	if l.LaunchData.ReturnURL != "" {
		waitFor(t, func() error {
			if !slices.ContainsFunc(lrs.Requests(), func(r lrstest.Request) bool { return r.Path == lrstest.ReturnPath }) {
				return fmt.Errorf("the AU did not open LaunchData's returnURL after Finish")
			}
			return nil
		})
	}
	time.Sleep(200 * time.Millisecond) // anything sent twice arrives too
}

func waitForVerbs(t *testing.T, l *lrstest.Launch, verbs ...string) {
	t.Helper()
	waitFor(t, func() error {
		got := lrstest.Verbs(l.Statements())
		if slices.ContainsFunc(verbs, func(v string) bool { return !slices.Contains(got, v) }) {
			return fmt.Errorf("the LRS has %q, not yet all of %q", got, verbs)
		}
		return nil
	})
}

// waitFor polls check for five seconds and fails with its last error.
func waitFor(t *testing.T, check func() error) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for err := check(); err != nil; err = check() {
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// assertSession checks the session's statements and requests against cmi5
// §7-§10 and returns the passed or failed statement.
func assertSession(t *testing.T, lrs *lrstest.Server, l *lrstest.Launch, m *authoring.Module, verdict string) lrstest.Statement {
	t.Helper()
	all := l.Statements()
	defined := lrstest.CMI5Defined(all)
	verbs := lrstest.Verbs(defined)
	if len(verbs) != 4 || verbs[0] != "initialized" || verbs[3] != "terminated" ||
		!reflect.DeepEqual(slices.Sorted(slices.Values(verbs[1:3])), slices.Sorted(slices.Values([]string{"completed", verdict}))) {
		t.Fatalf("cmi5-defined statements %q, want initialized, completed and %s in either order, terminated", verbs, verdict)
	}
	if first, last := all[0].VerbName(), all[len(all)-1].VerbName(); first != "initialized" || last != "terminated" {
		t.Errorf("the session starts with %s and ends with %s", first, last)
	}
	var out lrstest.Statement
	for _, s := range defined {
		assertDefined(t, l, s)
		if s.VerbName() == verdict {
			out = s
		}
	}
	for _, s := range all {
		if !s.HasCategory(lrstest.CategoryCMI5) {
			assertAnswer(t, l, m, s)
		}
	}
	assertRequests(t, lrs, l)
	if _, ok := l.State("stacklet.suspend"); !ok {
		t.Error("the player saved no state document in the LRS")
	}
	return out
}

// assertDefined checks what every cmi5-defined statement must carry.
func assertDefined(t *testing.T, l *lrstest.Launch, s lrstest.Statement) {
	t.Helper()
	v := s.VerbName()
	if !reflect.DeepEqual(s.Actor, l.Actor) {
		t.Errorf("%s: actor %s, want the launch actor %s", v, s.Actor.JSON(), l.Actor.JSON())
	}
	if s.Object.ID != l.ActivityID {
		t.Errorf("%s: object id %s, want the launch activityId %s", v, s.Object.ID, l.ActivityID)
	}
	if s.Context.Registration != l.Registration || s.SessionID() != l.SessionID {
		t.Errorf("%s: registration %s, session %s; want %s, %s", v, s.Context.Registration, s.SessionID(), l.Registration, l.SessionID)
	}
	if want := l.LaunchData.ContextTemplate.ContextActivities.Grouping; !reflect.DeepEqual(s.Context.ContextActivities.Grouping, want) {
		t.Errorf("%s: grouping %+v, want the publisher id %+v", v, s.Context.ContextActivities.Grouping, want)
	}
	if !uuidV4.MatchString(s.ID) {
		t.Errorf("%s: id %q is not a UUID", v, s.ID)
	}
	moveOn := v == "completed" || v == "passed" || v == "failed"
	if s.HasCategory(lrstest.CategoryMove) != moveOn {
		t.Errorf("%s: moveon category %v, want %v", v, !moveOn, moveOn)
	}
	if v != "initialized" && (s.Result == nil || !isoDuration.MatchString(s.Result.Duration)) {
		t.Errorf("%s: result.duration missing or not ISO 8601: %s", v, s.Raw)
	}
	if v == "completed" && (s.Result == nil || s.Result.Completion == nil || !*s.Result.Completion || s.Result.Score != nil || s.Result.Success != nil) {
		t.Errorf("completed: want result.completion true and no score or success: %s", s.Raw)
	}
}

// assertAnswer: statements without the cmi5 category are the player's
// answers, about a question of the module, with the AU as parent.
func assertAnswer(t *testing.T, l *lrstest.Launch, m *authoring.Module, s lrstest.Statement) {
	t.Helper()
	if s.VerbName() != "answered" {
		t.Errorf("a statement without the cmi5 category: %s", s.Raw)
		return
	}
	parent := s.Context.ContextActivities.Parent
	if len(parent) != 1 || parent[0].ID != l.ActivityID {
		t.Errorf("answered: parent %+v, want the AU %s", parent, l.ActivityID)
	}
	id, ok := strings.CutPrefix(s.Object.ID, l.ActivityID+"/interactions/")
	if b, _, err := m.Block(id); !ok || err != nil || !isQuestion(b) {
		t.Errorf("answered: object %s is not a question of the module", s.Object.ID)
	}
}

// assertRequests: fetch was POSTed once, and every xAPI request carried the
// token and version and succeeded (a GET of a document not stored yet may
// 404).
func assertRequests(t *testing.T, lrs *lrstest.Server, l *lrstest.Launch) {
	t.Helper()
	if posts, other := l.FetchPosts(); posts != 1 || other != 0 {
		t.Errorf("fetch URL: %d POSTs and %d other requests, want one POST", posts, other)
	}
	for _, r := range lrs.Requests() {
		if strings.HasPrefix(r.Path, "/xapi/") && r.Status == 401 {
			t.Errorf("%s %s without the fetched token", r.Method, r.Path)
		}
	}
	reqs := l.Requests()
	if len(reqs) < 4 {
		t.Errorf("%d xAPI requests with the launch's token", len(reqs))
	}
	for _, r := range reqs {
		if r.Version != "1.0.3" {
			t.Errorf("%s %s: X-Experience-API-Version %q", r.Method, r.Path, r.Version)
		}
		if r.Status >= 400 && (r.Status != 404 || r.Method != "GET") {
			t.Errorf("%s %s?%s: status %d", r.Method, r.Path, r.Query.Encode(), r.Status)
		}
	}
}

// assertScore checks a verdict's success and score: scaled is score/100 and
// agrees with raw, min and max.
func assertScore(t *testing.T, s lrstest.Statement, score int, success bool) {
	t.Helper()
	r := s.Result
	if r == nil || r.Success == nil || *r.Success != success || r.Score == nil || r.Score.Scaled == nil {
		t.Fatalf("%s: want result.success %v and a scaled score: %s", s.VerbName(), success, s.Raw)
	}
	sc := r.Score
	if want := float64(score) / 100; *sc.Scaled != want {
		t.Errorf("%s: score.scaled %v, want %v", s.VerbName(), *sc.Scaled, want)
	}
	if sc.Raw != nil && sc.Min != nil && sc.Max != nil && (*sc.Raw-*sc.Min)/(*sc.Max-*sc.Min) != *sc.Scaled {
		t.Errorf("%s: raw %v in [%v, %v] disagrees with scaled %v", s.VerbName(), *sc.Raw, *sc.Min, *sc.Max, *sc.Scaled)
	}
}

func isQuestion(b *authoring.Block) bool {
	_, ok := b.Content.(authoring.Question)
	return ok
}

func isGraded(b authoring.Block) bool {
	q, ok := b.Content.(authoring.Question)
	return ok && q.Base().Mode == authoring.Graded
}

// expectedScore is the player's rule: the weight of the graded questions
// answered right over all graded weight, as a percentage rounded half up
// (JavaScript's Math.round).
func expectedScore(m *authoring.Module, right func(*authoring.Block) bool) int {
	total, earned := 0, 0
	for i := range m.Blocks {
		if b := &m.Blocks[i]; isGraded(*b) {
			w := b.Content.(authoring.Question).Base().Weight
			total += w
			if right(b) {
				earned += w
			}
		}
	}
	return int(math.Floor(float64(earned)/float64(total)*100 + 0.5))
}

func jsString(s string) string {
	data, _ := json.Marshal(s)
	return string(data)
}

// learner works through a module with the mouse: it scrolls each block into
// view, opens every panel, presses gates and answers questions by clicking
// the choices, typing the blank, picking the matches and moving the items.
type learner struct {
	ctx   context.Context
	m     *authoring.Module
	right func(*authoring.Block) bool
	marks int
}

func (lr *learner) run(steps ...chromedp.Action[chromedp.Void]) error {
	return chromedp.Do(lr.ctx, steps...)
}

// eval runs a JavaScript expression in the page, awaiting a promise, and
// decodes its value into out.
func (lr *learner) eval(js string, out any) error {
	raw, err := chromedp.Run(lr.ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil || out == nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

func (lr *learner) click(sel string) error {
	return lr.run(chromedp.Click(chromedp.CSS(sel)))
}

func (lr *learner) do(b *authoring.Block) error {
	sec := fmt.Sprintf(`section.block[data-block-id=%s]`, jsString(b.ID))
	if err := lr.run(chromedp.WaitVisible(chromedp.CSS(sec))); err != nil {
		return fmt.Errorf("not shown: %w", err)
	}
	// Two frames in view let the player's IntersectionObserver see the block.
	err := lr.eval(fmt.Sprintf(`new Promise(done => {
		document.querySelector(%s).scrollIntoView({block: 'start', behavior: 'instant'});
		requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
	})`, jsString(sec)), nil)
	if err != nil {
		return err
	}
	switch c := b.Content.(type) {
	case *authoring.Accordion, *authoring.Tabs, *authoring.Flashcards:
		return lr.clickEach(sec + ` [data-action=toggle], ` + sec + ` [role=tab], ` + sec + ` [data-action=flip]`)
	case *authoring.Process:
		for range 50 {
			var more bool
			if err := lr.eval(fmt.Sprintf(`!document.querySelector(%s).disabled`, jsString(sec+` [data-action=next]`)), &more); err != nil || !more {
				return err
			}
			if err := lr.click(sec + ` [data-action=next]`); err != nil {
				return err
			}
		}
		return fmt.Errorf("still a next step after 50")
	case *authoring.Gate:
		return lr.click(sec + ` [data-action=continue]`)
	case authoring.Question:
		return lr.answer(sec, b, c)
	}
	return nil
}

// clickEach clicks every element sel matches once, in document order.
func (lr *learner) clickEach(sel string) error {
	var n int
	lr.marks++
	mark := lr.marks
	js := fmt.Sprintf(`(() => { const all = document.querySelectorAll(%s);
		all.forEach((el, k) => el.setAttribute('data-test-click', %d + '-' + k)); return all.length; })()`, jsString(sel), mark)
	if err := lr.eval(js, &n); err != nil {
		return err
	}
	for k := range n {
		if err := lr.click(fmt.Sprintf(`[data-test-click="%d-%d"]`, mark, k)); err != nil {
			return err
		}
	}
	return nil
}

// answer checks a right answer once, or a wrong one until no attempt is
// left (three tries when attempts are unlimited), so its result is final.
func (lr *learner) answer(sec string, b *authoring.Block, q authoring.Question) error {
	right := lr.right(b)
	tries := lr.m.Attempts
	if tries == 0 {
		tries = 3
	}
	want := "is-no"
	if right {
		want = "is-ok"
	}
	for attempt := 1; ; attempt++ {
		if err := lr.fill(sec, q, right); err != nil {
			return err
		}
		if err := lr.click(sec + ` button[data-action=check]`); err != nil {
			return err
		}
		fb := fmt.Sprintf(`document.querySelector(%s)`, jsString(sec+` [data-role=feedback]`))
		var verdict string
		err := lr.run(chromedp.Poll[chromedp.Void](fb+`.textContent.trim() !== ''`, chromedp.WithPollingTimeout(5*time.Second)))
		if err == nil {
			err = lr.eval(fb+`.classList.contains('is-ok') ? 'is-ok' : 'is-no'`, &verdict)
		}
		if err != nil {
			return fmt.Errorf("no feedback after Check: %w", err)
		}
		if verdict != want {
			return fmt.Errorf("attempt %d: feedback %s, want %s", attempt, verdict, want)
		}
		if right || attempt >= tries {
			return nil
		}
		if err := lr.click(sec + ` button[data-action=retry]`); err != nil {
			return err
		}
	}
}

// fill gives the right answer, or a wrong one, from the module's answer key.
func (lr *learner) fill(sec string, q authoring.Question, right bool) error {
	switch c := q.(type) {
	case *authoring.SingleChoice:
		i := slices.IndexFunc(c.Choices, func(ch authoring.Choice) bool { return ch.Correct == right })
		return lr.click(fmt.Sprintf(`%s input[value=%s]`, sec, jsString(c.Choices[i].ID)))
	case *authoring.MultipleResponse:
		for _, ch := range c.Choices {
			// Right: tick every correct choice; wrong: tick the first
			// incorrect one only. Ticked boxes stay ticked on a retry.
			first := slices.IndexFunc(c.Choices, func(x authoring.Choice) bool { return !x.Correct })
			if want := (right && ch.Correct) || (!right && ch.ID == c.Choices[first].ID); want {
				if err := lr.tick(fmt.Sprintf(`%s input[value=%s]`, sec, jsString(ch.ID))); err != nil {
					return err
				}
			}
		}
		return nil
	case *authoring.TrueFalse:
		return lr.click(fmt.Sprintf(`%s input[value="%t"]`, sec, c.Answer == right))
	case *authoring.FillBlank:
		text := "certainly-not-the-answer"
		if right {
			text = c.Accepted[0]
		}
		in := sec + ` input[type=text]`
		return lr.run(chromedp.SetValue(chromedp.CSS(in), ""), chromedp.SendKeys(chromedp.CSS(in), text))
	case *authoring.Matching:
		for i, p := range c.Pairs {
			to := p.ID
			if !right {
				to = c.Pairs[(i+1)%len(c.Pairs)].ID
			}
			sel := fmt.Sprintf(`%s select[data-left=%s]`, sec, jsString(p.ID))
			if err := lr.run(chromedp.SetValue(chromedp.CSS(sel), to)); err != nil {
				return err
			}
		}
		return nil
	case *authoring.Ordering:
		return lr.order(sec, c, right)
	}
	return fmt.Errorf("no way to answer a %s", q.Kind())
}

func (lr *learner) tick(sel string) error {
	var on bool
	if err := lr.eval(fmt.Sprintf(`document.querySelector(%s).checked`, jsString(sel)), &on); err != nil || on {
		return err
	}
	return lr.click(sel)
}

// order moves items with their "Move up" buttons into the authored order;
// for a wrong answer it swaps the first two items if the shuffle happened to
// be right.
func (lr *learner) order(sec string, c *authoring.Ordering, right bool) error {
	want := make([]string, len(c.Items))
	for i, it := range c.Items {
		want[i] = it.ID
	}
	read := fmt.Sprintf(`[...document.querySelectorAll(%s)].map(li => li.dataset.item)`, jsString(sec+` li[data-item]`))
	for range len(want) * len(want) {
		var now []string
		if err := lr.eval(read, &now); err != nil {
			return err
		}
		if !right {
			if slices.Equal(now, want) {
				return lr.click(fmt.Sprintf(`%s li[data-item=%s] [data-action=down]`, sec, jsString(now[0])))
			}
			return nil
		}
		at := 0
		for at < len(now) && now[at] == want[at] {
			at++
		}
		if at == len(now) {
			return nil
		}
		// The item that belongs at position at moves up by one.
		if err := lr.click(fmt.Sprintf(`%s li[data-item=%s] [data-action=up]`, sec, jsString(want[at]))); err != nil {
			return err
		}
	}
	return fmt.Errorf("the list did not reach the order %q", want)
}
