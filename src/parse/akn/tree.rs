//! A small element tree of an XML file, built leniently: the UN's own files are not all
//! well-formed (a converter left stray end tags in a hundred presidential statements of
//! 2000-2009, one file repeats an attribute), and a reader that refused them would refuse the
//! official record. Every repair is reported, so that none is silent; a file cut short, or one
//! that is not XML at all, is refused. Entities are never expanded beyond XML's own five and
//! character references, so an entity bomb expands to nothing.

use quick_xml::events::Event;
use quick_xml::Reader;

use super::AknError;

#[derive(Debug, Default)]
pub struct Elem {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

#[derive(Debug)]
pub enum Child {
    Elem(Elem),
    Text(String),
}

impl Elem {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &Elem> {
        self.children.iter().filter_map(|c| match c {
            Child::Elem(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Elem> {
        self.elements().find(|e| e.name == name)
    }

    /// Every element below this one, in document order.
    pub fn descendants(&self) -> Vec<&Elem> {
        let mut out = Vec::new();
        let mut stack: Vec<&Elem> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            out.push(e);
            let before = stack.len();
            stack.extend(e.elements());
            stack[before..].reverse();
        }
        out
    }

    pub fn descendant(&self, name: &str) -> Option<&Elem> {
        self.descendants().into_iter().find(|e| e.name == name)
    }

    /// The text of the element and all below it, white space collapsed.
    pub fn text(&self) -> String {
        let mut s = String::new();
        self.collect_text(&mut s);
        super::super::norm::collapse_spaces(&s)
    }

    fn collect_text(&self, s: &mut String) {
        for c in &self.children {
            match c {
                Child::Text(t) => s.push_str(t),
                Child::Elem(e) => e.collect_text(s),
            }
        }
    }
}

/// The root element of `text`, and a description of each repair that reading it took.
pub fn build(text: &str) -> Result<(Elem, Vec<String>), AknError> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut stack: Vec<Elem> = vec![Elem::default()];
    let mut repairs: Vec<String> = Vec::new();
    // A stray end tag closes the element it stands in; the stray ones right after it are
    // dropped (`</docTitle></p>` closing a `<paragraph>`).
    let mut just_closed_by_repair = false;
    let mut elements = 0usize;
    loop {
        let at = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            AknError::Malformed(format!("{e} (at byte {})", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => {
                just_closed_by_repair = false;
                count_element(&mut elements)?;
                if stack.len() > MAX_DEPTH {
                    return Err(AknError::Malformed(format!(
                        "elements nested more than {MAX_DEPTH} deep (at byte {at}): no document is"
                    )));
                }
                stack.push(element(&e)?);
            }
            Event::Empty(e) => {
                just_closed_by_repair = false;
                count_element(&mut elements)?;
                let elem = element(&e)?;
                push_child(&mut stack, Child::Elem(elem));
            }
            Event::End(e) => {
                let name = e.local_name().into_inner().to_string();
                let open = stack[1..]
                    .iter()
                    .rposition(|s| s.name == name)
                    .map(|k| k + 1);
                match open {
                    Some(k) if k == stack.len() - 1 => close(&mut stack),
                    Some(k) => {
                        let unclosed: Vec<String> = stack[k + 1..]
                            .iter()
                            .map(|s| format!("<{}>", s.name))
                            .collect();
                        repairs.push(format!(
                            "</{name}> at byte {at} closes {} left open",
                            unclosed.join(", ")
                        ));
                        while stack.len() > k {
                            close(&mut stack);
                        }
                    }
                    None if just_closed_by_repair || stack.len() == 1 => {
                        repairs.push(format!("</{name}> at byte {at} closes nothing: dropped"));
                    }
                    None => {
                        let top = stack.last().map(|s| s.name.clone()).unwrap_or_default();
                        repairs.push(format!("</{name}> at byte {at} taken as </{top}>"));
                        close(&mut stack);
                        just_closed_by_repair = true;
                    }
                }
            }
            Event::Text(t) => {
                if !t.trim().is_empty() {
                    just_closed_by_repair = false;
                }
                push_text(&mut stack, &t);
            }
            Event::CData(t) => push_text(&mut stack, t.as_ref()),
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().ok().flatten().map(String::from)
                } else {
                    match &*r {
                        "amp" => Some("&".into()),
                        "lt" => Some("<".into()),
                        "gt" => Some(">".into()),
                        "quot" => Some("\"".into()),
                        "apos" => Some("'".into()),
                        _ => None,
                    }
                };
                push_text(
                    &mut stack,
                    &resolved.unwrap_or_else(|| format!("&{};", &*r)),
                );
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if stack.len() > 1 {
        let open: Vec<String> = stack[1..].iter().map(|s| format!("<{}>", s.name)).collect();
        return Err(AknError::Cut(open.join(" ")));
    }
    let top = stack.pop().unwrap_or_default();
    let mut roots = top.children.into_iter().filter_map(|c| match c {
        Child::Elem(e) => Some(e),
        Child::Text(t) if !t.trim().is_empty() => Some(Elem {
            name: "#text".into(),
            ..Elem::default()
        }),
        Child::Text(_) => None,
    });
    let root = roots
        .next()
        .ok_or_else(|| AknError::Malformed("no element in the file".into()))?;
    if let Some(more) = roots.next() {
        // Two files joined end to end (`cat a.xml b.xml`): the second would be lost unseen.
        let what = if more.name == "#text" {
            "text".to_string()
        } else {
            format!("a second root element <{}>", more.name)
        };
        return Err(AknError::Malformed(format!(
            "{what} follows the root element <{}>: two XML documents joined? Give each a file of its own",
            root.name
        )));
    }
    Ok((root, repairs))
}

/// How deep elements may nest: the UN's files go a dozen deep; a tree much deeper is no
/// document, and every walk of it would need the stack.
const MAX_DEPTH: usize = 256;
/// How many elements a file may hold: the biggest of the UN's files holds some 13,000. The tree
/// is held in memory, so this bounds what one file may take.
const MAX_ELEMENTS: usize = 200_000;

fn count_element(n: &mut usize) -> Result<(), AknError> {
    *n += 1;
    if *n > MAX_ELEMENTS {
        return Err(AknError::Malformed(format!(
            "over {MAX_ELEMENTS} elements: far more than any Council document holds"
        )));
    }
    Ok(())
}

fn element(e: &quick_xml::events::BytesStart) -> Result<Elem, AknError> {
    let mut attrs = Vec::new();
    let mut list = e.attributes();
    // One of the UN's files repeats an attribute: the first is kept.
    list.with_checks(false);
    for a in list {
        let a = a.map_err(|e| AknError::Malformed(e.to_string()))?;
        let key = a.key.local_name().into_inner().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| a.value.clone().into_owned());
        if !attrs.iter().any(|(k, _)| *k == key) {
            attrs.push((key, value));
        }
    }
    Ok(Elem {
        name: e.local_name().into_inner().to_string(),
        attrs,
        children: Vec::new(),
    })
}

fn push_child(stack: &mut [Elem], child: Child) {
    if let Some(top) = stack.last_mut() {
        top.children.push(child);
    }
}

fn push_text(stack: &mut [Elem], text: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Child::Text(last)) = top.children.last_mut() {
            last.push_str(text);
        } else {
            top.children.push(Child::Text(text.to_string()));
        }
    }
}

fn close(stack: &mut Vec<Elem>) {
    if stack.len() > 1 {
        if let Some(done) = stack.pop() {
            push_child(stack, Child::Elem(done));
        }
    }
}
