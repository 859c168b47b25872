package authoring

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path"
	"strings"
)

// mediaTypes are the files a module can carry, by extension. Players in
// every current browser handle these.
var mediaTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".webp": "image/webp", ".svg": "image/svg+xml",
	".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".wav": "audio/wav",
	".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg",
	".vtt": "text/vtt",
}

// HashMedia returns the content hash media is stored under.
func HashMedia(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// NewMedia describes data imported as name, refusing types learners' browsers
// cannot play and files whose content contradicts their extension.
func NewMedia(name string, data []byte) (Media, error) {
	ext := strings.ToLower(path.Ext(name))
	typ, ok := mediaTypes[ext]
	if !ok {
		return Media{}, Errorf(EINVALID, "%q: %s files are not supported; use PNG, JPEG, GIF, WebP, SVG, MP3, M4A, OGG, WAV, MP4, WebM or WebVTT", name, ext)
	}
	if err := checkContent(name, typ, data); err != nil {
		return Media{}, err
	}
	return Media{Hash: HashMedia(data), Name: path.Base(name), Type: typ, Size: int64(len(data))}, nil
}

func checkContent(name, typ string, data []byte) error {
	switch {
	case len(data) == 0:
		return Errorf(EINVALID, "%q is empty", name)
	case typ == "text/vtt":
		if !bytes.HasPrefix(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), []byte("WEBVTT")) {
			return Errorf(EINVALID, "%q is not a WebVTT caption file: it must start with WEBVTT", name)
		}
	case typ == "image/png", typ == "image/jpeg", typ == "image/gif", typ == "image/webp":
		if sniffed := http.DetectContentType(data); sniffed != typ {
			return Errorf(EINVALID, "%q does not contain a %s image (it looks like %s)", name, typ, sniffed)
		}
	}
	return nil
}
