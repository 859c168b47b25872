package vc

import (
	"bytes"
	"math/big"

	"github.com/stacklet/stacklet/authoring"
)

// Multicodec prefixes (unsigned varints) that tag raw key bytes in a
// Multikey, so a key string says what kind of key it holds.
var (
	ed25519PubPrefix  = []byte{0xed, 0x01} // ed25519-pub, 0xed
	ed25519PrivPrefix = []byte{0x80, 0x26} // ed25519-priv, 0x1300
)

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// encodeMultibase returns data as multibase base58btc: "z" + base58.
func encodeMultibase(data []byte) string {
	n := new(big.Int).SetBytes(data)
	radix, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for n.Sign() > 0 {
		n.DivMod(n, radix, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	// Leading zero bytes carry no value, base58 keeps them as leading "1"s.
	for _, b := range data {
		if b != 0 {
			break
		}
		out = append(out, base58Alphabet[0])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return "z" + string(out)
}

// decodeMultibase reads a multibase base58btc string; what names the value
// in the error message.
func decodeMultibase(s, what string) ([]byte, error) {
	if s == "" || s[0] != 'z' {
		return nil, authoring.Errorf(authoring.EINVALID, "%s is not multibase base58btc (it must start with \"z\")", what)
	}
	n, radix := new(big.Int), big.NewInt(58)
	zeros := 0
	for i := 1; i < len(s) && s[i] == base58Alphabet[0]; i++ {
		zeros++
	}
	for _, c := range []byte(s[1:]) {
		d := bytes.IndexByte([]byte(base58Alphabet), c)
		if d < 0 {
			return nil, authoring.Errorf(authoring.EINVALID, "%s holds %q, which is not a base58 character", what, c)
		}
		n.Mul(n, radix).Add(n, big.NewInt(int64(d)))
	}
	return append(make([]byte, zeros), n.Bytes()...), nil
}

// decodeMultikey reads a multibase Multikey and checks its multicodec prefix
// and key length.
func decodeMultikey(s string, prefix []byte, size int, what string) ([]byte, error) {
	raw, err := decodeMultibase(s, what)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(raw, prefix) || len(raw) != len(prefix)+size {
		return nil, authoring.Errorf(authoring.EINVALID, "%s is not an Ed25519 Multikey", what)
	}
	return raw[len(prefix):], nil
}

func encodeMultikey(prefix, key []byte) string {
	return encodeMultibase(append(append([]byte(nil), prefix...), key...))
}
