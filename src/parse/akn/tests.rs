use chrono::NaiveDate;

use super::*;
use crate::parse::{CitationKind, Origin};

fn wrap(body: &str) -> String {
    format!(
        "<akomaNtoso><statement name=\"resolution\"><meta><identification><FRBRWork>\
         <FRBRuri value=\"/akn/un/statement/deliberation/unsc/2023-01-09/2672-2023/\"/>\
         <FRBRdate date=\"2023-01-09\" name=\"adoption\"/></FRBRWork><FRBRExpression>\
         <FRBRlanguage language=\"eng\"/></FRBRExpression></identification></meta>{body}\
         </statement></akomaNtoso>"
    )
}

#[test]
fn a_resolution_reads_as_printed_with_its_paragraphs_items_and_links() {
    let xml = wrap(
        "<coverPage><p><docNumber>S/RES/2672 (2023)</docNumber></p>\
         <p><docTitle refersTo=\"#resolutionNumber\">\t\tResolution 2672 (2023)</docTitle></p>\
         <p><docTitle>Adopted by the Security Council at its <inline name=\"adoptionMeeting\" title=\"9237th\">9237th meeting</inline>, on 9 January 2023</docTitle></p></coverPage>\
         <preamble><formula><p><span>The Security Council</span>,</p></formula>\
         <container><p>\t<span>Recalling</span> its resolutions <a href=\"https://undocs.org/en/S/RES/2042(2012)\">2042</a><a href=\"https://undocs.org/en/S/RES/2042(2012)\"> (2012)</a>,</p></container></preamble>\
         <mainBody><paragraph><num>1.</num><content><p>\t<span>Demands</span> the following:</p></content></paragraph>\
         <paragraph class=\"H23\"><subheading>Political process</subheading></paragraph>\
         <paragraph><num>2.</num><list><intro><p>Decides:</p></intro>\
         <point><num>(a)</num><content><p>to act;</p></content></point>\
         <sublist><point><num>(i)</num><content><p>now;</p></content></point></sublist>\
         <point><num>(b)</num><content><p>to report<authorialNote marker=\"1\"><p>See <a href=\"https://undocs.org/S/2023/5\">S/2023/5</a>.</p></authorialNote>;</p></content></point></list></paragraph>\
         </mainBody>",
    );
    let read = read(&xml).unwrap();
    let d = &read.document;
    assert_eq!(d.symbol.as_deref(), Some("S/RES/2672 (2023)"));
    assert_eq!(d.language, Some("en"));
    assert_eq!(d.meeting, Some(9237));
    assert_eq!(d.issued_on, NaiveDate::from_ymd_opt(2023, 1, 9));
    assert!(
        d.body
            .contains("\n1. Demands the following:\nPolitical process\n2. Decides:\n(a) to act;"),
        "{}",
        d.body
    );
    let shape: Vec<(Option<usize>, Option<&str>)> = d
        .clauses
        .iter()
        .map(|c| (c.parent, c.marker.as_deref()))
        .collect();
    assert_eq!(
        shape,
        [
            (None, None),
            (None, Some("1.")),
            (None, Some("2.")),
            (Some(2), Some("(a)")),
            (Some(2), Some("(i)")),
            (Some(2), Some("(b)")),
        ]
    );
    // The clauses partition the body from the preamble on, numbers aside.
    assert_eq!(
        d.clauses[1].text,
        "Demands the following:\nPolitical process"
    );
    let linked: Vec<(&str, &str)> = d
        .citations
        .iter()
        .filter(|(_, c)| c.origin == Origin::Link)
        .map(|(_, c)| (c.symbol.as_str(), c.raw.as_str()))
        .collect();
    // The symbol set in two runs of type is one citation; the footnote's link is printed last.
    assert_eq!(
        linked,
        [
            ("S/RES/2042 (2012)", "2042 (2012)"),
            ("S/2023/5", "S/2023/5")
        ]
    );
    assert!(d.body.ends_with("1 See S/2023/5."), "{}", d.body);
}

#[test]
fn stray_end_tags_of_the_2000s_are_repaired_and_said() {
    // As in PRST/2000/S_PRST_2000_13: a paragraph closed by </docTitle></p>.
    let xml = "<akomaNtoso><statement name=\"presidentialStatement\"><mainBody>\
               <paragraph class=\"H1\"><span>Statement by the President of the Security Council</span>\
               </docTitle></p><alinea><content><p>At the 4131st meeting</p></content></alinea>\
               <paragraph><content><p>\u{201c}The Security Council welcomes.\u{201d}</p></content></paragraph>\
               </mainBody></statement></akomaNtoso>";
    let read = read(xml).unwrap();
    assert_eq!(read.markup.repairs.len(), 2, "{:?}", read.markup.repairs);
    assert!(read.markup.repairs[0].contains("</docTitle>"));
    assert_eq!(read.document.doc_type, DocType::PresidentialStatement);
    assert_eq!(read.document.meeting, Some(4131));
    // The heading and the opening are the preamble; the quoted paragraph is a paragraph.
    assert_eq!(read.document.clauses.len(), 2);
}

#[test]
fn the_symbol_is_the_one_that_agrees_with_the_date() {
    // The masthead and the address copied from another file, the printed title right.
    let xml = wrap(
        "<coverPage><p><docNumber>S/RES/2766 (2024)</docNumber></p>\
         <p><docTitle refersTo=\"#resolutionNumber\">Resolution 2672 (2023)</docTitle></p></coverPage>\
         <preamble><p>The Security Council,</p></preamble>",
    )
    .replace("2672-2023", "2766-2024");
    assert_eq!(
        read(&xml).unwrap().document.symbol.as_deref(),
        Some("S/RES/2672 (2023)")
    );
}

#[test]
fn markup_is_told_by_its_content() {
    use crate::parse::is_markup;
    let mut padded = "\n".repeat(5000).into_bytes();
    padded.extend_from_slice(b"<akomaNtoso>");
    assert!(is_markup(&padded), "blank lines before the root");
    assert!(is_markup(b"\xEF\xBB\xBF<akomaNtoso>"));
    assert!(is_markup(
        b"{\"symbol\": \"S/RES/1 (1946)\", \"adoption_date\": \"25 January 1946\"}\n"
    ));
    // An archive whose first line is markup is an archive.
    assert!(!looks_like_xml(
        "<!-- exported -->\n%%%PEACE|\n\nThe Security Council,\n"
    ));
    assert!(looks_like_xml(
        "<!-- the UN's -->\n<akomaNtoso>%%%</akomaNtoso>"
    ));
    assert!(!is_markup(b"%%%PEACE|\n\nThe Security Council,\n"));
}

#[test]
fn language_codes_of_any_case_or_region() {
    for (code, want) in [
        ("eng", Some("en")),
        ("EN", Some("en")),
        ("zh-CN", Some("zh")),
        ("ara", Some("ar")),
        ("deu", Some("de")),
        ("xx", None),
    ] {
        assert_eq!(iso_639_1(code), want, "{code}");
    }
}

#[test]
fn links_name_what_they_cite() {
    let cases = [
        (
            "https://undocs.org/en/S/RES/2042(2012)",
            Some((CitationKind::Resolution, "S/RES/2042 (2012)")),
        ),
        (
            "https://undocs.org/S/RES/2042 (2012)",
            Some((CitationKind::Resolution, "S/RES/2042 (2012)")),
        ),
        (
            "https://undocs.org/ch/S/PRST/2011/16",
            Some((CitationKind::PresidentialStatement, "S/PRST/2011/16")),
        ),
        (
            "http://undocs.org/S/2019/28",
            Some((CitationKind::Document, "S/2019/28")),
        ),
        (
            "https://undocs.org/en/A/RES/46/182",
            Some((CitationKind::GeneralAssemblyResolution, "A/RES/46/182")),
        ),
        (
            "https://docs.un.org/ot/S/AC.51/2017/2",
            Some((CitationKind::Document, "S/AC.51/2017/2")),
        ),
        ("https://press.un.org/en/2023/sc15000.doc.htm", None),
        // Forms met in the UN's files: a search form's query, an empty language segment, a
        // joint symbol, a doubled slash; and typos that name no document.
        (
            "http://www.un.org/ga/search/view_doc.asp?symbol=S/RES/2129(2013)",
            Some((CitationKind::Resolution, "S/RES/2129 (2013)")),
        ),
        (
            "https://undocs.org//S/RES/2448 (2018)",
            Some((CitationKind::Resolution, "S/RES/2448 (2018)")),
        ),
        (
            "https://undocs.org/A/72/707\u{2013}S/2018/43",
            Some((CitationKind::Document, "S/2018/43")),
        ),
        (
            "https://undocs.org/fr/S/RES//2455 (2019)",
            Some((CitationKind::Resolution, "S/RES/2455 (2019)")),
        ),
        ("https://undocs.org/en/S/2532", None),
        ("https://undocs.org/S/20144/461", None),
        ("https://undocs.org/S/RES/", None),
    ];
    for (href, want) in cases {
        let got = link_target(href);
        assert_eq!(got.as_ref().map(|(k, s)| (*k, s.as_str())), want, "{href}");
    }
}
