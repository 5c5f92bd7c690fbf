use super::*;

#[test]
fn heading_cases() {
    use DocType::*;
    // (body, doc type, own symbol): one case per heading form met in real documents.
    let cases: &[(&str, DocType, Option<&str>)] = &[
        (" 安全 理事会 主席 的 声明 安全 理事会 主席 在", PresidentialStatement, None),
        ("Statement by the President of the Security Council At the 6178th meeting", PresidentialStatement, None),
        ("S/PRST/2009/24 Statement by the President of the Security Council", PresidentialStatement, Some("S/PRST/2009/24")),
        ("Déclaration de la Présidente du Conseil de sécurité", PresidentialStatement, None),
        ("Declaración de la Presidencia del Consejo de Seguridad", PresidentialStatement, None),
        ("Заявление Председателя Совета Безопасности", PresidentialStatement, None),
        ("بيان من رئيس مجلس الأمن", PresidentialStatement, None),
        ("At the 4490th meeting of the Security Council, held on 8 March 2002, the President of the Security Council made the following statement on behalf of the Council:\n\"The Security Council, recalling", PresidentialStatement, None),
        ("安全理事会主席在2001年4月24日安全理事会第4314次会议上,就安理会审议的题为“格鲁吉亚局势”的项目,代表安理会发表声明如下:", PresidentialStatement, None),
        ("En la 3888ª sesión del Consejo de Seguridad, celebrada el 29 de mayo de 1998, el Presidente del Consejo de Seguridad formuló la siguiente declaración en nombre del Consejo:", PresidentialStatement, None),
        ("第1888 ( 2009 ) 号 决议 2009年 9月 30日 安全 理事会 第6195 次 会议 通过 安全 理事会 ，", Resolution, Some("S/RES/1888 (2009)")),
        ("第１８８９（２００９）号决议", Resolution, Some("S/RES/1889 (2009)")),
        ("Resolution 1889 (2009) Adopted by the Security Council at its 6196th meeting, on 5 October 2009 The Security Council, Reaffirming", Resolution, Some("S/RES/1889 (2009)")),
        ("S/RES/1889 (2009) Resolution 1889 (2009)", Resolution, Some("S/RES/1889 (2009)")),
        ("Résolution 1889 (2009)", Resolution, Some("S/RES/1889 (2009)")),
        ("Resolución 1889 (2009)", Resolution, Some("S/RES/1889 (2009)")),
        ("Резолюция 1889 (2009)", Resolution, Some("S/RES/1889 (2009)")),
        ("القرار 1889 (2009)", Resolution, Some("S/RES/1889 (2009)")),
        ("United Nations Security Council Resolution 470\nMAY 30, 1980\nThe Security Council,\nRecalling", Resolution, Some("S/RES/470 (1980)")),
        ("Resolution 69 (March 4, 1949)\nThe Security Council,", Resolution, Some("S/RES/69 (1949)")),
        ("35 (1947). Résolution du 3 octobre 1947\n[S/574]\nLe Conseil de sécurité,", Resolution, Some("S/RES/35 (1947)")),
        ("Consolidación de la paz\nRESOLUCIÓN 1426 (24 de julio de 2002) El Consejo de Seguridad, Recordando", Resolution, Some("S/RES/1426 (2002)")),
        ("Resolution 1224 (1999)\nРезолюция 1224 (1999), принятая Советом Безопасности на его 3971-м заседании, 28 января 1999 года\nСовет Безопасности,", Resolution, Some("S/RES/1224 (1999)")),
        ("一九七七年五月二十六日\n第408(1977)号决议\n安全理事会,\n审议了", Resolution, Some("S/RES/408 (1977)")),
        ("一九六七年六月十四日\n決議案二三七(一九六七)\n安全理事會,", Resolution, Some("S/RES/237 (1967)")),
        ("四(一九四六). 一九四六年四月二十九日决议案\n查联合国一会员国\n因此,安全理事会,", Resolution, Some("S/RES/4 (1946)")),
        ("قرار مجلس الأمن رقم 338 (1973)\nإن مجلس الأمن:", Resolution, Some("S/RES/338 (1973)")),
        ("Adopted by the Security Council at its 5014th meeting, on 29 July 2004\nThe Security Council,", Resolution, None),
        ("Nations Unies\nS\n/PRST/2007/31\nDéclaration du Président du Conseil de sécurité\nLe Conseil de sécurité ayant examiné à sa 5735\ne\nséance, le 28 août 2007, la question, son\nprésident a fait en son nom la déclaration suivante :\n« Le Conseil de sécurité, ayant à l’esprit", PresidentialStatement, Some("S/PRST/2007/31")),
        ("Совет Безопасности,\nвыражая свое продолжающееся беспокойство", Resolution, None),
        ("The Security Council,\nHaving considered the report\nAdopted unanimously at the 2502nd meeting.", Resolution, None),
        ("وثيقة\n\nقرار مجلس الأمن الرقم 806\nإن مجلس الأمن،", Resolution, Some("S/RES/806 (1993)")),
        ("القراران 425 و 426\nصدر بتاريخ 19 آذار 1978 القرار 425 الذي نص على ما يلي:\nإن مجلس الأمن بعدما أخذ علمًا", Resolution, Some("S/RES/425 (1978)")),
        ("At the 1965th meeting, on 30 November 1976, following the adoption of resolution 398 (1976), the President made the following statement:\n\"In connexion", PresidentialStatement, None),
        ("At the 4322nd meeting, the President of the Security Council made the following statement on behalf of the Council:\n“The Council”\n\nDocument symbol: S/PRST/2001/15\nDocument Type: Security Council presidential statement", PresidentialStatement, Some("S/PRST/2001/15")),
        ("Recalling its resolution 1889 (2009)", Other, None),
        ("Letter dated 5 August 2009 from the Permanent Representative S/2009/398", Other, None),
        ("S/2009/398 Letter dated 5 August 2009", Other, Some("S/2009/398")),
        ("Les membres du Conseil de sécurité ont reçu le rapport, en application de la résolution 1284 (1999)", Other, None),
        // Official texts with their masthead (the UN's markup rendered as printed): the issuing
        // body alone on its line is no opening formula.
        ("Организация Объединенных Наций\nS/RES/2672 (2023)\nСовет Безопасности\nDistr.: General\n9 January 2023\nРезолюция 2672 (2023),\nпринятая Советом Безопасности на его 9237‑м заседании 9 января 2023 года\nСовет Безопасности,\nссылаясь", Resolution, Some("S/RES/2672 (2023)")),
        ("联合国\nS/RES/2672 (2023)\n安全理事会\nDistr.: General\n9 January 2023\n第2672(2023)号决议\n2023年1月9日 9237次会议通过\n安全理事会，\n回顾", Resolution, Some("S/RES/2672 (2023)")),
        ("United Nations\nS/RES/2573 (2021)\nSecurity Council\nDistr.: General\n27 April 2021\nResolution 2573 (2021)\nAdopted by the Security Council on 27 April 2021\nReiterating its primary responsibility", Resolution, Some("S/RES/2573 (2021)")),
        ("United Nations\nS/PRST/2002/21\nSecurity Council\nDistr.: General\n23 July 2002\nStatement by the President of the Security Council\nAt the 4582nd meeting of the Security Council, held on 23 July 2002, the President of the Security Council made the following statement on behalf of the Council.\n“The Security Council welcomes", PresidentialStatement, Some("S/PRST/2002/21")),
        // A heading's typo, the masthead right.
        ("Nations Unies\nS/RES/2754 (2024)\nConseil de sécurité\nDistr. générale\n5 novembre 2024\nRésolution 2574 (2024)\nAdoptée par le Conseil de sécurité à sa 9775e séance, le 5 novembre 2024\nLe Conseil de sécurité,", Resolution, Some("S/RES/2754 (2024)")),
        // A draft put to the vote and not adopted.
        ("United Nations\nS/2023/506\nSecurity Council\nDistr.: General\n11 July 2023\nOriginal: English\nBrazil and Switzerland: draft resolution\nThe Security Council,\nRecalling", Other, Some("S/2023/506")),
        ("联合国\nS/2023/506\n安全理事会\nDistr.: General\n11 July 2023\n巴西和瑞士：决议草案\n安全理事会，", Other, Some("S/2023/506")),
    ];
    for (body, doc_type, symbol) in cases {
        let h = read(body);
        assert_eq!(
            (h.doc_type, h.symbol.as_deref()),
            (*doc_type, *symbol),
            "{body}"
        );
    }
}

#[test]
fn dates_and_meetings_of_official_texts_with_their_masthead() {
    use crate::parse::{parse_document, Limits};
    // (text, date, meeting): the masthead's date is the date of issue, taken only where the
    // text gives no other.
    let cases: &[(&str, &str, Option<i64>)] = &[
        ("United Nations\nS/RES/2533 (2020)\nSecurity Council\nDistr.: General\n13 July 2020\nResolution 2533 (2020)\nAdopted by the Security Council on 11 July 2020\nThe Security Council,\nRecalling", "2020-07-11", None),
        ("Организация Объединенных Наций\nS/RES/2585 (2021)\nСовет Безопасности\nDistr.: General\n9 July 2021\nРезолюция 2585 (2021),\nпринятая Советом Безопасности на его 8817-заседании9 июля 2021 года\nСовет Безопасности,\nссылаясь", "2021-07-09", Some(8817)),
        ("Nations Unies\nS/RES/2722 (2024)\nConseil de sécurité\nDistr. générale\n10 janvier 2024\nRésolution 2722 (2024)\nLe Conseil de sécurité,\nRéaffirmant", "2024-01-10", None),
        ("联合国\nS/RES/2740 (2024)\n安全理事会\nDistr.: General\n27 June 2024\n第2740(2024)号决议\n2024年6月27日 9674次会议通过\n安全理事会，\n回顾", "2024-06-27", Some(9674)),
    ];
    for (text, date, meeting) in cases {
        let doc = parse_document(&format!("%%%\n\n{text}\n"), 1, &Limits::default()).unwrap();
        assert_eq!(
            (doc.issued_on.map(|d| d.to_string()), doc.meeting),
            (Some(date.to_string()), *meeting),
            "{text}"
        );
    }
}

#[test]
fn a_statements_date_is_its_openings_not_its_mastheads() {
    let body = "S/PRST/2008/30 2008年8月7日\n安全理事会主席在2008年8月19日安全理事会第5960次会议上,代表安理会发表声明如下:\n“安全理事会";
    let h = read(body);
    let first = &body[h.adoption[0].clone()];
    assert_eq!(
        find_date_in_folded(first),
        chrono::NaiveDate::from_ymd_opt(2008, 8, 19)
    );
}

#[test]
fn the_part_that_names_the_document_ends_at_the_opening_formula() {
    let body = "Resolution 470\nThe Security Council,\nRecalling resolution 338 (1973),";
    let h = read(body);
    assert_eq!(&body[h.names_end..h.names_end + 3], "The");
}

#[test]
fn adoption_lines_closing_the_text_are_read() {
    for line in [
        "Adopted unanimously at the 2502nd meeting.",
        "Adopted at the 414th meeting by 9 votes to 1 (Egypt).",
        "Adoptée à la 263e séance par 8 voix contre zéro.",
        "Aprobada en la 277a. sesión por 8 votos.",
        "第一一七次會議一致通過。",
        "تبنى المجلس هذا القرار في جلسته رقم 1747",
    ] {
        let body = format!(
            "The Security Council,\nRecalling its resolution of 30 March 1955,\n1. Decides\n{line}"
        );
        let h = read(&body);
        // Plain ASCII and Chinese are their own folding: offsets agree.
        let last = h.adoption.last().expect("an adoption line");
        assert_eq!(last.start, body.len() - line.len(), "{line}: {h:?}");
    }
}
