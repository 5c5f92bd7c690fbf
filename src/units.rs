//! Sizes as people read them and write them: for messages, and from the command line.

/// `512 B`, `1.5 KiB`, `16.0 MiB`, `1.0 GiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Parses `16M`, `512K`, `1G` or a plain number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit() && *c != '.')
        .map_or(s.len(), |(i, _)| i);
    let (number, unit) = (&s[..split], s[split..].trim().to_ascii_uppercase());
    let factor: u64 = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{s:?}: unknown unit (use K, M or G)")),
    };
    let too_large = || format!("{s:?} is too large");
    if number.contains('.') {
        // 1.5M: a fraction of the unit, to the byte.
        let n: f64 = number
            .parse()
            .map_err(|_| format!("{s:?} is not a size (try 16M or 1.5M)"))?;
        let bytes = (n * factor as f64).round();
        if !bytes.is_finite() || bytes >= u64::MAX as f64 {
            return Err(too_large());
        }
        return Ok(bytes as u64);
    }
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a size (try 16M)"))?;
    n.checked_mul(factor).ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_given() {
        let cases = [
            ("16M", Some(16 << 20)),
            ("512k", Some(512 << 10)),
            ("1G", Some(1 << 30)),
            ("100", Some(100)),
            ("2MiB", Some(2 << 20)),
            ("x", None),
            ("3T", None),
            ("1.5M", Some(3 << 19)),
            ("0.5K", Some(512)),
            ("1.2.3M", None),
            ("18446744073709551615", Some(u64::MAX)),
            ("99999999999G", None),
        ];
        for (s, want) in cases {
            assert_eq!(super::parse_size(s).ok(), want, "{s}");
        }
    }

    #[test]
    fn sizes() {
        for (n, want) in [
            (0, "0 B"),
            (1023, "1023 B"),
            (1536, "1.5 KiB"),
            (16 << 20, "16.0 MiB"),
            (3 << 30, "3.0 GiB"),
        ] {
            assert_eq!(super::human_size(n), want);
        }
    }
}
