package uikit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/stacklet/stacklet/app/tr"
	"github.com/stacklet/stacklet/authoring"
)

// kindLabels are catalog ids, written out so the catalog test finds them.
var kindLabels = map[authoring.BlockKind]string{
	authoring.KindText:             "BlockText",
	authoring.KindStatement:        "BlockStatement",
	authoring.KindQuote:            "BlockQuote",
	authoring.KindList:             "BlockList",
	authoring.KindImage:            "BlockImage",
	authoring.KindAudio:            "BlockAudio",
	authoring.KindVideo:            "BlockVideo",
	authoring.KindAccordion:        "BlockAccordion",
	authoring.KindTabs:             "BlockTabs",
	authoring.KindFlashcards:       "BlockFlashcards",
	authoring.KindProcess:          "BlockProcess",
	authoring.KindCallout:          "BlockCallout",
	authoring.KindDivider:          "BlockDivider",
	authoring.KindGate:             "BlockGate",
	authoring.KindSingleChoice:     "BlockSingleChoice",
	authoring.KindMultipleResponse: "BlockMultipleResponse",
	authoring.KindTrueFalse:        "BlockTrueFalse",
	authoring.KindFillBlank:        "BlockFillBlank",
	authoring.KindMatching:         "BlockMatching",
	authoring.KindOrdering:         "BlockOrdering",
}

// KindLabel is the name of a block kind in the interface language.
func KindLabel(t *tr.T, k authoring.BlockKind) string {
	if id, ok := kindLabels[k]; ok {
		return t.S(id)
	}
	return string(k)
}

// KindIcon is the outline and palette icon of a block kind.
func KindIcon(k authoring.BlockKind) fyne.Resource {
	switch k {
	case authoring.KindText:
		return theme.DocumentIcon()
	case authoring.KindStatement, authoring.KindQuote:
		return theme.MailComposeIcon()
	case authoring.KindList:
		return theme.ListIcon()
	case authoring.KindImage:
		return theme.MediaPhotoIcon()
	case authoring.KindAudio:
		return theme.MediaMusicIcon()
	case authoring.KindVideo:
		return theme.MediaVideoIcon()
	case authoring.KindAccordion, authoring.KindTabs:
		return theme.MenuExpandIcon()
	case authoring.KindFlashcards:
		return theme.ViewRestoreIcon()
	case authoring.KindProcess:
		return theme.NavigateNextIcon()
	case authoring.KindCallout:
		return theme.InfoIcon()
	case authoring.KindDivider:
		return theme.MoreHorizontalIcon()
	case authoring.KindGate:
		return theme.LoginIcon()
	}
	return theme.QuestionIcon() // every question kind
}

// KindGroup is a heading of the block palette and the kinds under it.
type KindGroup struct {
	Label string // catalog id
	Kinds []authoring.BlockKind
}

// KindGroups orders the palette the way designers think of blocks.
func KindGroups() []KindGroup {
	return []KindGroup{
		{"PaletteText", []authoring.BlockKind{authoring.KindText, authoring.KindStatement, authoring.KindQuote,
			authoring.KindList, authoring.KindCallout, authoring.KindDivider}},
		{"PaletteMedia", []authoring.BlockKind{authoring.KindImage, authoring.KindAudio, authoring.KindVideo}},
		{"PaletteInteractive", []authoring.BlockKind{authoring.KindAccordion, authoring.KindTabs,
			authoring.KindFlashcards, authoring.KindProcess, authoring.KindGate}},
		{"PaletteQuestions", []authoring.BlockKind{authoring.KindSingleChoice, authoring.KindMultipleResponse,
			authoring.KindTrueFalse, authoring.KindFillBlank, authoring.KindMatching, authoring.KindOrdering}},
	}
}
