//! `cargo xtask package`: builds the extension and writes
//! `dist/postguard-chrome-VERSION.zip` and `dist/postguard-firefox-VERSION.zip`,
//! the version taken from Cargo.toml. The archives are reproducible: entries
//! in sorted order, fixed timestamps and permissions, so two runs on the same
//! source give byte-identical files.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::build::{self, BROWSERS};
use crate::root;

pub fn all() -> Result<Vec<PathBuf>, String> {
    build::all()?;
    let version = build::crate_version()?;
    let mut written = Vec::new();
    for browser in BROWSERS {
        let dir = root().join("dist").join(browser);
        let out = root().join("dist").join(format!("postguard-{browser}-{version}.zip"));
        write_zip(&dir, &out)?;
        eprintln!("xtask: wrote {}", out.display());
        written.push(out);
    }
    Ok(written)
}

/// Packages twice and fails unless both runs give the same bytes.
pub fn check_reproducible() -> Result<(), String> {
    let read = |paths: &[PathBuf]| -> Result<Vec<Vec<u8>>, String> {
        paths.iter().map(|p| fs::read(p).map_err(|e| format!("{}: {e}", p.display()))).collect()
    };
    let first = read(&all()?)?;
    let second_paths = all()?;
    let second = read(&second_paths)?;
    for ((a, b), path) in first.iter().zip(&second).zip(&second_paths) {
        if a != b {
            return Err(format!("{} differs between two runs: the package is not reproducible", path.display()));
        }
    }
    eprintln!("xtask: packages are byte-identical across two runs");
    Ok(())
}

fn write_zip(dir: &Path, out: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files)?;
    files.sort();
    let file = fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut zip = ZipWriter::new(file);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for name in files {
        let bytes = fs::read(dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        zip.start_file(name.as_str(), options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(())
}

/// Paths of every file under `dir`, relative and with `/` separators.
fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(base, &path, out)?;
        } else {
            let rel = path.strip_prefix(base).map_err(|e| e.to_string())?;
            out.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
    Ok(())
}
