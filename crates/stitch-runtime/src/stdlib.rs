//! Locating CPython's pure-Python standard library at run time: `STITCH_STDLIB`,
//! then the path recorded at build time, then the usual locations.

/// The directory of the standard library, if one is found.
pub fn location() -> Option<String> {
    if let Ok(p) = std::env::var("STITCH_STDLIB")
        && std::path::Path::new(&p).join("os.py").is_file()
    {
        return Some(p);
    }
    let built = option_env!("STITCH_BUILD_STDLIB").unwrap_or("");
    if !built.is_empty() && std::path::Path::new(built).join("os.py").is_file() {
        return Some(built.to_string());
    }
    for p in ["/usr/lib/python3.11", "/usr/local/lib/python3.11"] {
        if std::path::Path::new(p).join("os.py").is_file() {
            return Some(p.to_string());
        }
    }
    None
}
