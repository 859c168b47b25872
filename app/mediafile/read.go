package mediafile

import (
	"errors"
	"io"
)

// MaxSize bounds one imported file: larger videos belong on a streaming
// service, and the whole file is held in memory while it is stored.
const MaxSize = 1 << 30

// ErrTooLarge is ReadAll's answer to a file over its limit.
var ErrTooLarge = errors.New("file over the import size limit")

// ReadAll reads r up to limit bytes; a longer r gives ErrTooLarge, having
// read only one byte past the limit.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	return data, nil
}
