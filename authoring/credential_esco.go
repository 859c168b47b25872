package authoring

import (
	"sort"
	"strings"
)

// escoBase is the namespace of ESCO skill concepts.
const escoBase = "http://data.europa.eu/esco/skill/"

// commonSkills are ESCO skills that many short courses teach, with their
// English preferred labels: URI and label pairs read from ESCO's
// transversal skills collection (transversalSkillsCollection_en.csv of the
// ESCO download) and, for three of them, from the Commission's ELM
// micro-credential sample. A starting point for the picker: any other ESCO
// skill URI is accepted too.
var commonSkills = [][2]string{
	{"a311ab20-75df-4aff-8016-3142c5659d30", "accept constructive criticism"},
	{"49de9958-2aa4-4eef-a89d-fe5d5bcd28c4", "adapt to change"},
	{"609a8ac1-9d29-4237-9886-596dbbe7ca8a", "address an audience"},
	{"236526e2-d5a8-436b-91d1-47e5d431e7ea", "apply quality standards"},
	{"83e6510b-ffeb-4aec-959c-4265fd0ff7b7", "attend to detail"},
	{"e439742d-558d-4f52-885e-afdc740b48cf", "browse, search and filter data, information and digital content"},
	{"2b34a99f-9813-4c91-9509-b6b9b8c3132e", "collaborate through digital technologies"},
	{"80f308e6-0e09-404a-80cd-ec5f50f6f304", "communicate with target community"},
	{"7a147904-22b3-498a-b4d9-7bceeb86b45d", "cope with pressure"},
	{"1a4cc54f-1e53-442b-a6d2-1682dc8ef8f9", "creatively use digital technologies"},
	{"5cd1930c-278d-4929-b413-27352f5b3687", "deal with uncertainty"},
	{"429062f1-a958-43ea-83dd-4e1af078c156", "demonstrate curiosity"},
	{"c10d5d87-36cf-42f5-8a12-e560fb5f4af8", "demonstrate intercultural competence"},
	{"9bf266a6-188b-4d17-a22f-2f266d76832b", "demonstrate willingness to learn"},
	{"5fd5c985-eaaa-47aa-8314-62359c54505a", "develop digital content"},
	{"7a8fb784-67fa-41e9-a75c-6b491d91f800", "develop strategy to solve problems"},
	{"326809fc-238d-40c2-881e-40042f7f2f0d", "establish collaborative relations"},
	{"1d6c7de4-350e-4868-a47b-333b4b0d9650", "evaluate data, information and digital content"},
	{"7dd94ad3-13d6-43fe-8b94-51fcbf67ced9", "evaluate information"},
	{"b2f925ed-3ebd-4f78-b98e-d5d4678e83b5", "follow ethical code of conduct"},
	{"d2d9051a-10e1-41c5-9cfb-bbdc58016176", "follow safety precautions in work practices"},
	{"045f71e6-0699-4169-8a54-9c6b96f3174d", "give advice to others"},
	{"943d07ec-fb75-4bb5-bc07-20451a2b66e4", "identify opportunities"},
	{"699e7c26-6502-4e78-a823-3656ff5a5b8b", "instruct others"},
	{"a12057b4-6d11-4a12-ab8e-15a028ef0a6d", "interact through digital technologies"},
	{"09e28145-e205-4b7a-8b3b-5c4876396069", "interact with others"},
	{"75d8e5d9-bef3-418b-9011-01bff9f27207", "lead others"},
	{"d62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47", "make decisions"},
	{"4d97e3c3-f335-47cc-a4ee-0d779fd42222", "manage data, information and digital content"},
	{"b769f524-0f25-44d7-8538-5c46710a040e", "manage digital documents"},
	{"bc0b0b5d-f6be-405a-b224-b6902a4dbe97", "manage digital identity"},
	{"35ebe444-9ece-4fbc-a55d-e99ea37267ae", "manage quality"},
	{"57231a22-4da7-49c8-97b8-75672feadf1e", "manage quantitative data"},
	{"d9013e0e-e937-43d5-ab71-0e917ee882b8", "manage time"},
	{"113b4428-0a31-4199-8496-070af7854b91", "meet commitments"},
	{"e2d44a9b-f28c-489e-9861-b654b5ded507", "motivate others"},
	{"7954861c-86d4-4529-afbb-2c23dab9ac74", "negotiate compromise"},
	{"6e04cc9f-d409-49f0-9224-d9cb32e83631", "persuade others"},
	{"9af1bd12-01bd-4d6a-947b-69e64f23150a", "process qualitative information"},
	{"df329d70-87b0-466b-a214-3431f36e2a5e", "protect ICT devices"},
	{"33a82b83-c838-4889-ae62-fae1317481eb", "protect personal data and privacy"},
	{"be6ab363-3de1-427f-a8ef-85d5b0250822", "report facts"},
	{"a4b2a278-2123-4450-8b43-be01c4f341da", "safeguard online privacy and identity"},
	{"698be2d3-8768-422d-a2d3-1cb701816089", "search for information online"},
	{"40001d93-8937-4859-89d5-2dca53290ff4", "share through digital technologies"},
	{"14832d87-2f2f-4895-b290-e4760ebae42a", "solve technical problems"},
	{"ccdf3597-5c80-410f-896d-e1bdfa223de9", "stimulate creativity in the team"},
	{"95a41cf5-4037-4c96-91a8-c34b41637224", "support colleagues"},
	{"c624c6a3-b0ba-4a31-a296-0d433fe47e41", "think creatively"},
	{"4463a721-69f3-413d-8321-43e3af13a4f1", "use databases"},
	{"a44c0ed6-68b1-457a-9c6d-ea8487bdfeb2", "use learning strategies"},
	{"5f1dd9f6-dcb4-4384-88c9-f9f6a75305c9", "use online communication tools"},
	{"97c1895a-a890-47da-abfc-79dc272add2e", "use online conventions of netiquette"},
	{"234aeb8d-56c3-4531-9193-1c5e6a8d16cb", "use presentation software"},
	{"1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software"},
	{"81633a44-f1db-4a01-a940-804c6905e330", "use word processing software"},
	{"7a93e22f-54d8-4bf0-9213-d711f6601b49", "work efficiently"},
	{"60c78287-22eb-4103-9c8c-28deaa460da0", "work in teams"},
	{"c29aa9d2-4da8-4bdd-831c-8d4a2fb51730", "work independently"},
}

// CommonESCOSkills returns the bundled skills sorted by label: the desktop
// skill picker offers them before the designer pastes any other ESCO URI.
func CommonESCOSkills() []Skill {
	out := make([]Skill, len(commonSkills))
	for i, s := range commonSkills {
		out[i] = Skill{URI: escoBase + s[0], Label: s[1]}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// SearchESCOSkills returns the bundled skills whose label contains every word
// of query, case-insensitively; an empty query returns them all.
func SearchESCOSkills(query string) []Skill {
	words := strings.Fields(strings.ToLower(query))
	var out []Skill
	for _, s := range CommonESCOSkills() {
		label := strings.ToLower(s.Label)
		match := true
		for _, w := range words {
			match = match && strings.Contains(label, w)
		}
		if match {
			out = append(out, s)
		}
	}
	return out
}
