use super::*;

fn shape(body: &str, doc_type: DocType) -> Vec<(Option<usize>, Option<String>, String)> {
    split(body, doc_type)
        .into_iter()
        .map(|c| (c.parent, c.marker, c.text))
        .collect()
}

fn p(text: &str) -> (Option<usize>, Option<String>, String) {
    (None, None, text.to_string())
}
fn numbered(n: u32, text: &str) -> (Option<usize>, Option<String>, String) {
    (None, Some(format!("{n}.")), text.to_string())
}
fn item(parent: usize, marker: &str, text: &str) -> (Option<usize>, Option<String>, String) {
    (Some(parent), Some(marker.to_string()), text.to_string())
}

#[test]
fn clause_cases() {
    use DocType::*;
    let cases: Vec<(&str, DocType, &str, Vec<_>)> = vec![
        ("zh statement: title quote opens nothing, final quote is no clause", PresidentialStatement,
         "主席 就 题 为 \" 联合国 维持 和平 行动 \" 的 项目 发表 声明 如下 ： \" 安理会 重申 。 \" 安理会 认为 。 \"",
         vec![p("主席 就 题 为 \" 联合国 维持 和平 行动 \" 的 项目 发表 声明 如下 ："), p("安理会 重申 。"), p("安理会 认为 。")]),
        ("zh sub-items glued to words", PresidentialStatement,
         "声明 如下 ： \" 安理会 订立 以下 做法 ： ㈠就 对话 ；㈡ 努力 深化 ； ㈢在 延长 。 \"",
         vec![p("声明 如下 ："), p("安理会 订立 以下 做法 ："), item(1, "㈠", "就 对话 ；"), item(1, "㈡", "努力 深化 ；"), item(1, "㈢", "在 延长 。")]),
        ("en statement with curly quotes", PresidentialStatement,
         "At the 6178th meeting, the President made the following statement: “The Security Council reaffirms. ” “The Council notes (S/2009/398).”",
         vec![p("At the 6178th meeting, the President made the following statement:"), p("The Security Council reaffirms."), p("The Council notes (S/2009/398).")]),
        ("en statement: quoted agenda item after a colon", PresidentialStatement,
         "in connection with the item entitled: \"Women and peace and security\", made the following statement: \"The Council welcomes.\"",
         vec![p("in connection with the item entitled: \"Women and peace and security\", made the following statement:"), p("The Council welcomes.")]),
        ("fr statement with guillemets and lettered items; an item out of sequence is text", PresidentialStatement,
         "a fait la déclaration suivante : « Le Conseil décide : a) rien ; (a) d’abord ; (b) ensuite. « Le Conseil note. »",
         vec![p("a fait la déclaration suivante :"), p("Le Conseil décide :"), item(1, "a)", "rien ; (a) d’abord ;"), item(1, "(b)", "ensuite."), p("Le Conseil note.")]),
        ("resolution: numbered paragraphs in sequence, numbers in citations ignored", Resolution,
         "The Security Council, Recalling resolution 1325 (2000), 1. Decides to extend; 2. Requests a report on paragraph 2. by June; 3. Decides to remain seized.",
         vec![p("The Security Council, Recalling resolution 1325 (2000),"), numbered(1, "Decides to extend;"), numbered(2, "Requests a report on paragraph 2. by June;"), numbered(3, "Decides to remain seized.")]),
        ("resolution with lettered and roman items", Resolution,
         "The Council, 1. Requests: (a) to report; (b) to assist, including: (i) training; (ii) equipment; and (c) to monitor; 2. Decides.",
         vec![p("The Council,"), numbered(1, "Requests:"), item(1, "(a)", "to report;"), item(1, "(b)", "to assist, including:"), item(1, "(i)", "training;"), item(1, "(ii)", "equipment; and"), item(1, "(c)", "to monitor;"), numbered(2, "Decides.")]),
        ("resolution: paragraph references are not sub-items", Resolution,
         "The Council, 1. Recalls paragraph 4 (b) of resolution 1820 (2008);",
         vec![p("The Council,"), numbered(1, "Recalls paragraph 4 (b) of resolution 1820 (2008);")]),
        ("zh resolution with full-width numbers and bracketed numerals", Resolution,
         "安全 理事会 ， １． 决定 ： （一） 设立 ；（二） 请 ； 2. 决定 继续 处理 此 案 。",
         vec![p("安全 理事会 ，"), numbered(1, "决定 ："), item(1, "(一)", "设立 ；"), item(1, "(二)", "请 ；"), numbered(2, "决定 继续 处理 此 案 。")]),
        ("resolution numbered as found in real texts: alone on a line, dash, no space", Resolution,
         "The Security Council,\nWelcoming the contribution,1/\n1.\nDemands a cessation;\n2 – Calls upon the sides;\n 3.Decides to remain seized.",
         vec![p("The Security Council,\nWelcoming the contribution,1/"), numbered(1, "Demands a cessation;"), numbered(2, "Calls upon the sides;"), numbered(3, "Decides to remain seized.")]),
        ("zh resolution numbered in Chinese numerals at line starts", Resolution,
         "安全理事會,\n  一.認為理事會各理事之任何同意,俱係初步性質;\n  二.茲將審議紀錄轉送委員會;",
         vec![p("安全理事會,"), numbered(1, "認為理事會各理事之任何同意,俱係初步性質;"), numbered(2, "茲將審議紀錄轉送委員會;")]),
        ("run-in OCR text: a 1. after a word, confirmed by a 2.", Resolution,
         "En vertu de l'Article 47; In conséquence 1. Le Conseil invite les membres; 2. Le Conseil décide.",
         vec![p("En vertu de l'Article 47; In conséquence"), numbered(1, "Le Conseil invite les membres;"), numbered(2, "Le Conseil décide.")]),
        ("a lone 1. after a word with no 2. is no paragraph", Resolution,
         "The Council, recalling Article 1. The Council decides.",
         vec![p("The Council, recalling Article 1. The Council decides.")]),
        ("fr resolution with lettered items closed by a parenthesis only", Resolution,
         "Le Conseil de sécurité, 1. Prie le Secrétaire général : a) de faire rapport ; b) de prendre des mesures ; 2. Décide.",
         vec![p("Le Conseil de sécurité,"), numbered(1, "Prie le Secrétaire général :"), item(1, "a)", "de faire rapport ;"), item(1, "b)", "de prendre des mesures ;"), numbered(2, "Décide.")]),
        ("resolution whose paragraph 1 is a bullet", Resolution,
         "The Security Council,\nActing under Chapter VII,\n- Decides to extend the authorizations;\n2. Decides to extend the mandate;\n3. Decides to remain seized.",
         vec![p("The Security Council,\nActing under Chapter VII,"), numbered(1, "Decides to extend the authorizations;"), numbered(2, "Decides to extend the mandate;"), numbered(3, "Decides to remain seized.")]),
        ("resolution whose every line is a list item", Resolution,
         "- 安全理事会,\n- 回顾其各项决议,\n- 1. 决定延长任务;\n- 2. 决定继续处理此案。",
         vec![p("- 安全理事会,\n- 回顾其各项决议,\n-"), numbered(1, "决定延长任务;\n-"), numbered(2, "决定继续处理此案。")]),
        // Forms of the UN's official texts (their markup rendered as printed, one item a line).
        ("ar official: lettered items in abjad order", Resolution,
         "إن مجلس الأمن،\n1 - يقرر ما يلي:\n(أ) قيادة العمل؛\n(ب) رصد الامتثال؛\n(ج) العمل مع الطرفين؛\n2 - يقرر أن يبقي المسألة قيد نظره.",
         vec![p("إن مجلس الأمن،"), numbered(1, "يقرر ما يلي:"), item(1, "(أ)", "قيادة العمل؛"), item(1, "(ب)", "رصد الامتثال؛"), item(1, "(ج)", "العمل مع الطرفين؛"), numbered(2, "يقرر أن يبقي المسألة قيد نظره.")]),
        ("ar official: nested items numbered ’1‘ ’2‘", Resolution,
         "إن مجلس الأمن،\n1 - يقرر\n(أ) أن\n’1‘ يطلب\n’2‘ يدعو\n(ب) أن",
         vec![p("إن مجلس الأمن،"), numbered(1, "يقرر"), item(1, "(أ)", "أن"), item(1, "’1‘", "يطلب"), item(1, "’2‘", "يدعو"), item(1, "(ب)", "أن")]),
        ("en official: bullets at a line's start, roman items afresh under each letter", Resolution,
         "The Security Council,\n1. Decides that\n(a) it will\n(i) act\n(b) it will\n(i) report\n– to the Committee\n2. Decides to remain seized.",
         vec![p("The Security Council,"), numbered(1, "Decides that"), item(1, "(a)", "it will"), item(1, "(i)", "act"), item(1, "(b)", "it will"), item(1, "(i)", "report"), item(1, "–", "to the Committee"), numbered(2, "Decides to remain seized.")]),
        ("fr official: a list that starts again under a heading of the paragraph", Resolution,
         "Le Conseil de sécurité,\n1. Décide\na) de\nb) de\nII. Processus politique\na) de\n2. Décide de rester saisi.",
         vec![p("Le Conseil de sécurité,"), numbered(1, "Décide"), item(1, "a)", "de"), item(1, "b)", "de\nII. Processus politique"), item(1, "a)", "de"), numbered(2, "Décide de rester saisi.")]),
        ("en official: an annex's items are no items of the last paragraph", Resolution,
         "The Security Council,\n1. Decides to remain seized.\nAnnex\nThe Team shall:\n(a) submit;\n(b) assist;",
         vec![p("The Security Council,"), numbered(1, "Decides to remain seized.\nAnnex\nThe Team shall:\n(a) submit;\n(b) assist;")]),
        ("en statement: only the first paragraph quoted, the others each on a line", PresidentialStatement,
         "At the 4151st meeting, the President made the following statement:\n\u{201c}The Security Council recalls the letter.\nThe Security Council welcomes the recommendation.\n\u{2013} To follow up on reports;\nThe Security Council requests the report.\u{201d}",
         vec![p("At the 4151st meeting, the President made the following statement:"), p("The Security Council recalls the letter."), p("The Security Council welcomes the recommendation."), item(2, "\u{2013}", "To follow up on reports;"), p("The Security Council requests the report.")]),
        ("en statement: no paragraph quoted at all", PresidentialStatement,
         "At the 4201st meeting, the President made the following statement on behalf of the Council:\nThe Security Council expresses its appreciation.\nThe Security Council will remain seized of the matter.",
         vec![p("At the 4201st meeting, the President made the following statement on behalf of the Council:"), p("The Security Council expresses its appreciation."), p("The Security Council will remain seized of the matter.")]),
        ("en statement: a paragraph whose first sentence quotes a word", PresidentialStatement,
         "made the following statement: \u{201c}The Council welcomes the report. \u{201c}The Council calls on States to \u{201c}ban\u{201d} such arms. \u{201c}The Council remains seized.\u{201d}",
         vec![p("made the following statement:"), p("The Council welcomes the report."), p("The Council calls on States to \u{201c}ban\u{201d} such arms."), p("The Council remains seized.")]),
        ("ru official: letters typed in Cyrillic among Latin ones", Resolution,
         "Совет Безопасности,\n1. постановляет:\nа) первое;\nb) второе;\nс) третье;\n2. постановляет продолжать.",
         vec![p("Совет Безопасности,"), numbered(1, "постановляет:"), item(1, "а)", "первое;"), item(1, "b)", "второе;"), item(1, "с)", "третье;"), numbered(2, "постановляет продолжать.")]),
        ("en official: an outer roman list goes on after letters nested in its item", Resolution,
         "The Security Council,\n1. Decides:\n(i) that\n(a) one\n(b) two\n(ii) that\n2. Decides to remain seized.",
         vec![p("The Security Council,"), numbered(1, "Decides:"), item(1, "(i)", "that"), item(1, "(a)", "one"), item(1, "(b)", "two"), item(1, "(ii)", "that"), numbered(2, "Decides to remain seized.")]),
        ("en official: an annex numbers its own paragraphs", Resolution,
         "The Security Council,\n1. Decides one;\n2. Decides to remain seized.\nAnnex\n3. Terms of reference",
         vec![p("The Security Council,"), numbered(1, "Decides one;"), numbered(2, "Decides to remain seized.\nAnnex\n3. Terms of reference")]),
        ("no quotes at all: everything is the preamble", Other,
         "Note by the President of the Security Council.",
         vec![p("Note by the President of the Security Council.")]),
    ];
    for (name, doc_type, body, want) in cases {
        assert_eq!(shape(body, doc_type), want, "case: {name}");
    }
}

#[test]
fn clauses_point_into_the_body() {
    // The last case is an empty sub-item (a marker with no text), found by the property test.
    for body in [
        " 声明 如下 ： \" 安理会 ： ㈠就 对话 ；㈡ 努力 。 \"",
        "声明 如下 ： \" 安理会 ： ㈠",
        "The Council, 1. Requests: (a)",
    ] {
        for doc_type in [DocType::PresidentialStatement, DocType::Resolution] {
            for c in split(body, doc_type) {
                assert_eq!(&body[c.start..c.end], c.text, "{body:?}");
            }
        }
    }
}

proptest::proptest! {
    /// The byte scan finds the opening quotes that reading character by character finds.
    #[test]
    fn opening_quotes_are_found_by_their_first_byte(t in "[\"“”«»„…—¢ a€维]{0,30}") {
        let by_char: Vec<(usize, char)> =
            t.char_indices().filter(|(_, c)| OPENING_QUOTES.contains(c)).collect();
        proptest::prop_assert_eq!(opening_quotes(&t).collect::<Vec<_>>(), by_char);
    }
}
