package media

import (
	"encoding/binary"
	"image"
)

// jpegOrientation returns the EXIF Orientation (1-8) of a JPEG, or 1 when the
// file has none or it cannot be read. Only IFD0 of the APP1 "Exif" segment is
// read, which is where cameras and phones put the tag; a full EXIF library
// would bring parsing of maker notes and thumbnails that nothing here needs.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		switch {
		case marker == 0xFF: // fill byte
			i++
			continue
		case marker == 0xDA || marker == 0xD9: // start of scan, end of image: no more headers
			return 1
		case marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7): // no length
			i += 2
			continue
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		end := i + 2 + size
		if size < 2 || end > len(data) {
			return 1
		}
		if marker == 0xE1 {
			if o, ok := exifOrientation(data[i+4 : end]); ok {
				return o
			}
		}
		i = end
	}
	return 1
}

// exifOrientation reads the Orientation tag (0x0112, SHORT) from the IFD0 of
// an APP1 payload; ok is false when the payload is not EXIF.
func exifOrientation(app1 []byte) (int, bool) {
	const header = "Exif\x00\x00"
	if len(app1) < len(header)+8 || string(app1[:len(header)]) != header {
		return 0, false
	}
	tiff := app1[len(header):]
	var order binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1, true
	}
	if order.Uint16(tiff[2:]) != 42 {
		return 1, true
	}
	ifd := int(order.Uint32(tiff[4:]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1, true
	}
	count := int(order.Uint16(tiff[ifd:]))
	for e := ifd + 2; e+12 <= len(tiff) && count > 0; e, count = e+12, count-1 {
		const orientationTag, typeShort = 0x0112, 3
		if order.Uint16(tiff[e:]) != orientationTag {
			continue
		}
		if order.Uint16(tiff[e+2:]) != typeShort {
			return 1, true
		}
		if o := int(order.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
			return o, true
		}
		return 1, true
	}
	return 1, true
}

// orient turns src, stored as EXIF orientation o describes, into the upright
// image a viewer shows. Orientations 5-8 swap width and height.
func orient(src *image.RGBA, o int) *image.RGBA {
	w, h := src.Bounds().Dx(), src.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			sx, sy := sourcePixel(o, x, y, w, h)
			s := sy*src.Stride + sx*4
			d := y*dst.Stride + x*4
			copy(dst.Pix[d:d+4], src.Pix[s:s+4])
		}
	}
	return dst
}

// sourcePixel maps the upright pixel (x, y) back to the stored w×h image.
func sourcePixel(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored
		return w - 1 - x, y
	case 3: // upside down
		return w - 1 - x, h - 1 - y
	case 4: // mirrored upside down
		return x, h - 1 - y
	case 5: // transposed
		return y, x
	case 6: // stored turned 90° anticlockwise: turn clockwise
		return y, h - 1 - x
	case 7: // transversed
		return w - 1 - y, h - 1 - x
	case 8: // stored turned 90° clockwise: turn anticlockwise
		return w - 1 - y, x
	}
	return x, y
}
