//! The citation table: real forms met in Security Council texts in the six languages, each with
//! the exact set of (kind, symbol) it must give, and counter-examples that must give nothing.

use super::*;
use CitationKind::*;

const R: CitationKind = Resolution;
const P: CitationKind = PresidentialStatement;
const D: CitationKind = Document;
const M: CitationKind = Meeting;
const GA: CitationKind = GeneralAssemblyResolution;
const C: CitationKind = Charter;

#[rustfmt::skip]
const CASES: &[(&str, &[(CitationKind, &str)])] = &[
    // --- Chinese, as segmented in the seed
    ("安全 理事会 重申 其 第1327 ( 2000 ) 号 和 第1353 ( 2001 ) 号 决议 、", &[(R, "S/RES/1327 (2000)"), (R, "S/RES/1353 (2001)")]),
    ("1994年 5月 3日 ( PRST/1994/22 ) 、", &[(P, "S/PRST/1994/22")]),
    ("2004年 5月 17日 ( PRST/200 4/16 ) 安理会 主席 声明", &[(P, "S/PRST/2004/16")]),
    ("2002年 1月 14日 主席 说明 ( S/2002/56 ) 中", &[(D, "S/2002/56")]),
    ("安理会 重申 其 第1674 ( 2006 ) 号 决议 的 相关 规定", &[(R, "S/RES/1674 (2006)")]),
    ("第1265 ( 1999 ) 号 、 第1296 ( 2000 ) 号 和 第1674 ( 2006 ) 号 决议", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("第1325 ( 2000 ) 号 、 1820 ( 2008 ) 号 及 1888 ( 2009 ) 号 决议", &[(R, "S/RES/1325 (2000)"), (R, "S/RES/1820 (2008)"), (R, "S/RES/1888 (2009)")]),
    ("安理会 第1325（２０００）号决议", &[(R, "S/RES/1325 (2000)")]),
    ("第１３２５(2000)号决议", &[(R, "S/RES/1325 (2000)")]),
    ("安理会 第1325 号 决议", &[(R, "S/RES/1325 (2000)")]),
    ("大会 第60/1 号 决议", &[(GA, "A/RES/60/1")]),
    ("( S / PRST / 2008 / 9 )", &[(P, "S/PRST/2008/9")]),
    ("报告 ( S/2006/ 481 )", &[(D, "S/2006/481")]),
    ("根据 《 联合国 宪章 》 第八 章", &[(C, "Charter, Chapter VIII")]),
    ("根据 《 联合国 宪章 》 第七 章 采取 行动", &[(C, "Charter, Chapter VII")]),
    ("《 宪章 》 第二十五 条", &[(C, "Charter, Article 25")]),
    ("《 非洲 联盟 宪章 》", &[]),
    ("第1888 ( 2009 ) 号 决议 和 ( S/PV.6195 )", &[(R, "S/RES/1888 (2009)"), (M, "S/PV.6195")]),
    ("2009年 7月 22日 主席 声明 ( PRST/2009/23 )", &[(P, "S/PRST/2009/23")]),
    // --- English
    ("Recalling its resolutions 1265 (1999), 1296 (2000) and 1674 (2006)", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("its resolutions 1325 (2000), 1820 (2008), 1888 (2009), and 1889 (2009) on women", &[(R, "S/RES/1325 (2000)"), (R, "S/RES/1820 (2008)"), (R, "S/RES/1888 (2009)"), (R, "S/RES/1889 (2009)")]),
    ("Reaffirming resolution 1296(2000)", &[(R, "S/RES/1296 (2000)")]),
    ("Resolution 1889 (2009)", &[(R, "S/RES/1889 (2009)")]),
    ("its resolutions 1261 (1999) of 25 August 1999, 1314 (2000) of 11 August 2000 and 1379 (2001) of 20 November 2001", &[(R, "S/RES/1261 (1999)"), (R, "S/RES/1314 (2000)"), (R, "S/RES/1379 (2001)")]),
    ("ses résolutions 1261 (1999) du 25 août 1999 et 1314 (2000) du 11 août 2000", &[(R, "S/RES/1261 (1999)"), (R, "S/RES/1314 (2000)")]),
    ("sus resoluciones 1261 (1999), de 25 de agosto de 1999, y 1314 (2000)", &[(R, "S/RES/1261 (1999)"), (R, "S/RES/1314 (2000)")]),
    ("свои резолюции 1261 (1999) от 25 августа 1999 года и 1314 (2000)", &[(R, "S/RES/1261 (1999)"), (R, "S/RES/1314 (2000)")]),
    ("resolution 1325 (2000) of 31 October 2000 and recalling the statement", &[(R, "S/RES/1325 (2000)")]),
    ("the statement of its President of 3 May 1994 (S/PRST/1994/22)", &[(P, "S/PRST/1994/22")]),
    ("the report of the Secretary-General (S/2009/398)", &[(D, "S/2009/398")]),
    ("document S/2009/398/Add.1", &[(D, "S/2009/398/Add.1")]),
    ("as corrected in S/2010/12/Corr.1", &[(D, "S/2010/12/Corr.1")]),
    ("draft S/2004/ 5/ Rev. 2", &[(D, "S/2004/5/Rev.2")]),
    ("the record of the meeting (S/PV.6178)", &[(M, "S/PV.6178")]),
    ("General Assembly resolution 60/1 of 16 September 2005", &[(GA, "A/RES/60/1")]),
    ("the 2005 World Summit Outcome (A/RES/60/1)", &[(GA, "A/RES/60/1")]),
    ("its resolution S/RES/1325 (2000)", &[(R, "S/RES/1325 (2000)")]),
    ("under Chapter VII of the Charter of the United Nations", &[(C, "Charter, Chapter VII")]),
    ("Acting under Chapter VII,", &[(C, "Charter, Chapter VII")]),
    ("in accordance with the Charter of the United Nations", &[(C, "Charter")]),
    ("under Article 25 of the Charter", &[(C, "Charter, Article 25")]),
    ("the Charter of the African Union", &[]),
    ("Recalling resolution 1325 (2000), and stressing that resolution 1325 remains", &[(R, "S/RES/1325 (2000)"), (R, "S/RES/1325 (2000)")]),
    ("as requested in resolution 1738", &[(R, "S/RES/1738")]),
    ("resolution 1612", &[(R, "S/RES/1612 (2005)")]),
    ("Security Council resolution 1373 (2001) and Assembly resolution 60/288", &[(R, "S/RES/1373 (2001)"), (GA, "A/RES/60/288")]),
    // --- French
    ("Rappelant ses résolutions 1265 (1999), 1296 (2000) et 1674 (2006)", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("la résolution 1325 (2000) du Conseil", &[(R, "S/RES/1325 (2000)")]),
    ("la déclaration de son président (S/PRST/2009/23)", &[(P, "S/PRST/2009/23")]),
    ("en vertu du Chapitre VII de la Charte des Nations Unies", &[(C, "Charter, Chapter VII")]),
    ("la résolution 60/1 de l'Assemblée générale", &[(GA, "A/RES/60/1")]),
    ("la Charte africaine des droits de l'homme", &[]),
    // --- Spanish
    ("Recordando sus resoluciones 1265 (1999), 1296 (2000) y 1674 (2006)", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("la resolución 1325 (2000)", &[(R, "S/RES/1325 (2000)")]),
    ("con arreglo al Capítulo VII de la Carta de las Naciones Unidas", &[(C, "Charter, Chapter VII")]),
    ("Carta de fecha 5 de agosto de 2009 dirigida al Presidente", &[]),
    ("el informe del Secretario General (S/2009/398)", &[(D, "S/2009/398")]),
    // --- Russian
    ("ссылаясь на свои резолюции 1265 (1999), 1296 (2000) и 1674 (2006)", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("в резолюции 1325 (2000)", &[(R, "S/RES/1325 (2000)")]),
    ("Резолюция 1889 (2009)", &[(R, "S/RES/1889 (2009)")]),
    ("заявление Председателя (S/PRST/2009/23)", &[(P, "S/PRST/2009/23")]),
    ("действуя на основании главы VII Устава Организации Объединенных Наций", &[(C, "Charter, Chapter VII")]),
    ("резолюцию 60/1 Генеральной Ассамблеи", &[(GA, "A/RES/60/1")]),
    // --- Arabic
    ("إذ يشير إلى قراراته 1265 (1999) و 1296 (2000) و 1674 (2006)", &[(R, "S/RES/1265 (1999)"), (R, "S/RES/1296 (2000)"), (R, "S/RES/1674 (2006)")]),
    ("القرار ١٣٢٥ (٢٠٠٠)", &[(R, "S/RES/1325 (2000)")]),
    ("بالقرار 1820 (2008)", &[(R, "S/RES/1820 (2008)")]),
    ("بيان رئيس المجلس (S/PRST/2009/23)", &[(P, "S/PRST/2009/23")]),
    ("وإذ يتصرف بموجب الفصل السابع من ميثاق الأمم المتحدة", &[(C, "Charter, Chapter VII")]),
    ("قرار الجمعية العامة 60/1", &[(GA, "A/RES/60/1")]),
    // --- Forms met in real documents found in public sources (tests/fixtures/real/)
    ("Saisi par l'Assemblée générale de sa résolution 181 (II) du 29 novembre 1947", &[(GA, "A/RES/181 (II)")]),
    ("General Assembly resolution 918 (X)", &[(GA, "A/RES/918 (X)")]),
    ("la resolución 181 (II) de la Asamblea General", &[(GA, "A/RES/181 (II)")]),
    ("بتنفيذ قرار مجلس الأمن رقم 242 (1967) بجميع أجزائه", &[(R, "S/RES/242 (1967)")]),
    ("contained in documents S/11302 and Add.1, and having heard", &[(D, "S/11302"), (D, "S/11302/Add.1")]),
    ("一九四六年二月九日决议案三十二(一)", &[(GA, "A/RES/32 (I)")]),
    ("大会决议案一(一)第五节及大会决议案四十一(一)规定", &[(GA, "A/RES/1 (I)"), (GA, "A/RES/41 (I)")]),
    ("以及S/PRST/2005/16、S/PRST/2010/26和S/PRST/2016/3號安理會主席聲明", &[(P, "S/PRST/2005/16"), (P, "S/PRST/2010/26"), (P, "S/PRST/2016/3")]),
    ("回顾其1999年8月25日第1261(1999)号、1999年9月17日第1265(1999)号和2000年8月11日第1314(2000)号决议", &[(R, "S/RES/1261 (1999)"), (R, "S/RES/1265 (1999)"), (R, "S/RES/1314 (2000)")]),
    ("重申其一九七四年十二月十三日第365(1974)號、一九七五年三月十二日第367(1975)號和以後各項決議", &[(R, "S/RES/365 (1974)"), (R, "S/RES/367 (1975)")]),
    ("回顧以往第1996(2011)、2046(2012)和2304(2016)號決議", &[(R, "S/RES/1996 (2011)"), (R, "S/RES/2046 (2012)"), (R, "S/RES/2304 (2016)")]),
    ("العمل وفقاً للمادة 2 من الميثاق", &[(C, "Charter, Article 2")]),
    ("de conformidad con el Capítulo VII de la Carta de las Naciones", &[(C, "Charter, Chapter VII")]),
    ("القرارات 242 (1967)، و338 (1973)، و1397 (2002)", &[(R, "S/RES/242 (1967)"), (R, "S/RES/338 (1973)"), (R, "S/RES/1397 (2002)")]),
    ("القرارات 1559 (2004)، 1655 (2006) 1680 (2006) و 1697 (2006)", &[(R, "S/RES/1559 (2004)"), (R, "S/RES/1655 (2006)"), (R, "S/RES/1680 (2006)"), (R, "S/RES/1697 (2006)")]),
    ("резолюции 1714 (2006) от 6 октября 2006 года (995_f94) , 1709 (2006) от 22 сентября 2006 года (995_f90) ,", &[(R, "S/RES/1714 (2006)"), (R, "S/RES/1709 (2006)")]),
    ("резолюции 1674 (2006) от 28 апреля 2006 года (995_f24) о защите гражданских лиц, 1612 (2005) от 26 июля 2005 года (995_d48) о детях", &[(R, "S/RES/1674 (2006)"), (R, "S/RES/1612 (2005)")]),
    // A number with its year in brackets, in the stretch of that year's resolutions, is one
    // even where the list lost its word (the markup of 2020-2024 links such mentions).
    ("in the report of 12 March 2005, 1612 (2005) of 26 July 2005", &[(R, "S/RES/1612 (2005)")]),
    // A list does not run on past a line break into the next paragraph's number (S/RES/2734
    // (2024), rendered from the UN's markup).
    ("resolutions 2250 (2015) and 2253 (2015);\n100. Decides to review", &[(R, "S/RES/2250 (2015)"), (R, "S/RES/2253 (2015)")]),
    ("la Carta Federal de Transición", &[]),
    ("قراراته 660 (1990) المؤرخ 2 آب/ أغسطس 1990، و 674 (1990) المؤرخ 29 تشرين الأول/ أكتوبر 1990، و 677 (1990) المؤرخ 28 تشرين الثاني/ نوفمبر 1990", &[(R, "S/RES/660 (1990)"), (R, "S/RES/674 (1990)"), (R, "S/RES/677 (1990)")]),
    // --- Counter-examples: numbers in parentheses, dates, paragraphs, money
    ("在 2009年 8月 5日 安全 理事会 第6178 次 会议 上", &[]),
    ("on 5 August 2009 at its 6178th meeting", &[]),
    ("paragraph 4 (b) of the annex", &[]),
    ("a budget of 1,200 (thousand) dollars", &[]),
    ("US$ 2,500,000 (2009 estimates)", &[]),
    ("the year 2000 (Y2K)", &[]),
    ("1994年 11月 4日", &[]),
    ("draft resolution 2", &[]),
    ("( 维和 部 )", &[]),
    ("MS/2002/56", &[]),
    ("resolutions adopted in 2009 (twelve)", &[]),
];

#[test]
fn citation_table() {
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let mut got: Vec<(CitationKind, String)> = extract(text)
            .into_iter()
            .map(|c| (c.kind, c.symbol))
            .collect();
        let mut want: Vec<(CitationKind, String)> =
            want.iter().map(|(k, s)| (*k, s.to_string())).collect();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!(
                "{text:?}\n   expected {want:?}\n   got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
    assert!(CASES.len() >= 60);
}

#[test]
fn raw_is_the_text_as_written() {
    let text = "安理会 第1325（２０００）号决议 与 PRST/200 4/16";
    let got = extract(text);
    let raws: Vec<&str> = got.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(raws, ["第1325（２０００）号决议", "PRST/200 4/16"]);
    for c in &got {
        assert_eq!(&text[c.start..c.end], c.raw);
    }
}

#[test]
fn list_items_have_their_own_raw() {
    let got = extract("resolutions 1265 (1999), 1296 (2000) and 1674 (2006)");
    let raws: Vec<&str> = got.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(
        raws,
        ["resolutions 1265 (1999)", "1296 (2000)", "1674 (2006)"]
    );
}
