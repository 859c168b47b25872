package player

import "hash/fnv"

// permutation returns a shuffled order of 0..n-1 seeded by the block id, so
// the same module always renders the same page. When avoidIdentity is set and
// n > 1, the result never equals the original order: an ordering question
// must not start solved, and a matching list must not mirror the answers.
func permutation(n int, blockID string, avoidIdentity bool) []int {
	h := fnv.New64a()
	h.Write([]byte(blockID))
	state := h.Sum64()
	next := func() uint64 { // splitmix64
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := int(next() % uint64(i+1))
		p[i], p[j] = p[j], p[i]
	}
	if avoidIdentity && n > 1 && isIdentity(p) {
		p = append(p[1:], p[0])
	}
	return p
}

func isIdentity(p []int) bool {
	for i, v := range p {
		if i != v {
			return false
		}
	}
	return true
}
