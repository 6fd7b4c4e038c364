package depparse

// The arc-eager transitions. Word 0 is the artificial root, which starts on
// the stack; words 1..n start in the buffer.
const (
	shift  = iota // push the front of the buffer
	reduce        // pop the stack top, which has a head
	left          // the buffer front becomes the head of the stack top, which is popped
	right         // the stack top becomes the head of the buffer front, which is pushed
	numTrans
)

// state is a parser configuration over words 0..n-1 (0 the root).
type state struct {
	n      int
	stack  []int32
	b      int32   // front of the buffer; the buffer is b..n-1
	head   []int32 // -1 while unattached
	lc1    []int32 // leftmost child, -1 if none
	lc2    []int32 // second leftmost child
	rc1    []int32 // rightmost child
	rc2    []int32 // second rightmost child
	nl, nr []int32 // numbers of left and right children
}

func newState(n int) *state {
	buf := make([]int32, 8*n)
	st := &state{
		n:     n,
		stack: buf[0:0:n],
		head:  buf[n : 2*n],
		lc1:   buf[2*n : 3*n],
		lc2:   buf[3*n : 4*n],
		rc1:   buf[4*n : 5*n],
		rc2:   buf[5*n : 6*n],
		nl:    buf[6*n : 7*n],
		nr:    buf[7*n : 8*n],
	}
	for i := range 5 * n {
		buf[n+i] = -1
	}
	st.stack = append(st.stack, 0)
	st.b = 1
	return st
}

func (st *state) terminal() bool { return int(st.b) >= st.n }

// buf returns the i-th word of the buffer, or -1.
func (st *state) buf(i int) int32 {
	if int(st.b)+i < st.n {
		return st.b + int32(i)
	}
	return -1
}

// atomAt returns a[i], or atomNone where there is no word (i < 0).
func atomAt(a []uint64, i int32) uint64 {
	if i < 0 {
		return atomNone
	}
	return a[i]
}

// indexAt returns a[i], or -1 where there is no word (i < 0).
func indexAt(a []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return a[i]
}

// s returns the i-th word from the top of the stack, or -1.
func (st *state) s(i int) int32 {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return -1
}

// valid reports whether transition t is allowed. While the buffer is not
// empty, shift always is.
func (st *state) valid(t int) bool {
	if st.terminal() {
		return false
	}
	s0 := st.stack[len(st.stack)-1]
	switch t {
	case shift:
		return true
	case reduce:
		return s0 != 0 && st.head[s0] >= 0
	case left:
		return s0 != 0 && st.head[s0] < 0
	case right:
		// The root takes a single child, so the tree has one root.
		return s0 != 0 || st.nr[0] == 0
	}
	return false
}

// apply makes transition t.
func (st *state) apply(t int) {
	s0 := st.stack[len(st.stack)-1]
	b := st.b
	switch t {
	case shift:
		st.stack = append(st.stack, b)
		st.b++
	case reduce:
		st.stack = st.stack[:len(st.stack)-1]
	case left:
		st.head[s0] = b
		st.lc2[b] = st.lc1[b]
		st.lc1[b] = s0
		st.nl[b]++
		st.stack = st.stack[:len(st.stack)-1]
	case right:
		st.head[b] = s0
		st.rc2[s0] = st.rc1[s0]
		st.rc1[s0] = b
		st.nr[s0]++
		st.stack = append(st.stack, b)
		st.b++
	}
}

// finish attaches the words left without a head: to the root's child when
// there is one, else the first becomes the root's child and takes the rest.
func (st *state) finish() {
	top := st.rc1[0]
	for i := 1; i < st.n; i++ {
		if st.head[i] >= 0 {
			continue
		}
		if top < 0 {
			top = int32(i)
			st.head[i] = 0
			st.rc1[0] = top
			st.nr[0]++
			continue
		}
		st.head[i] = top
	}
}

// tree gives the children of each word of a finished tree, in order.
type tree struct {
	head  []int32
	start []int32 // children of h are kids[start[h]:start[h+1]]
	kids  []int32
}

func newTree(heads []int32) *tree {
	n := len(heads)
	t := &tree{head: heads, start: make([]int32, n+1), kids: make([]int32, n)}
	for d := 1; d < n; d++ {
		t.start[heads[d]+1]++
	}
	for h := 0; h < n; h++ {
		t.start[h+1] += t.start[h]
	}
	fill := make([]int32, n)
	copy(fill, t.start[:n])
	for d := 1; d < n; d++ {
		h := heads[d]
		t.kids[fill[h]] = int32(d)
		fill[h]++
	}
	return t
}

func (t *tree) children(h int32) []int32 { return t.kids[t.start[h]:t.start[h+1]] }
