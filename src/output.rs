//! Where results go: stdout, or a file written atomically (temporary file, then rename)
//! that never replaces an input.
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use crate::error::{Exit, InputError, Location};

/// Bytes collected before each write to the destination.
const WRITE_BUFFER: usize = 64 * 1024;

/// The destination of a command's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Stdout,
    File(PathBuf),
}

impl Destination {
    pub fn is_stdout(&self) -> bool {
        matches!(self, Destination::Stdout)
    }

    /// Checks before any work is done: the folder exists, and the file is none of `inputs`.
    /// Commands check again with the files found while loading (a profile's `inherits:`).
    pub fn check(&self, inputs: &[&Path]) -> Result<(), InputError> {
        let Destination::File(path) = self else {
            return Ok(());
        };
        let loc = Location::file(path);
        let dir = parent_dir(path);
        if dir.exists() && !dir.is_dir() {
            return Err(InputError::at(
                loc,
                format!("'{}' is a file, not a folder", dir.display()),
            )
            .hint("the part of the -o path before the file name must be a folder"));
        }
        if !dir.is_dir() {
            return Err(InputError::at(
                loc,
                format!("the output folder '{}' does not exist", dir.display()),
            )
            .hint("create the folder first or choose another -o path"));
        }
        if path.is_dir() {
            return Err(InputError::at(loc, "the output path is a directory")
                .hint("give a file name, e.g. -o gap.xlsx"));
        }
        if let Ok(out) = fs::canonicalize(path) {
            for input in inputs {
                if fs::canonicalize(input).is_ok_and(|i| i == out) {
                    return Err(InputError::at(loc, "the output file is also an input file")
                        .hint("write the result to another file; inputs are never overwritten"));
                }
            }
        }
        Ok(())
    }

    /// Runs `write` against the destination. For a file, the bytes go to a temporary
    /// file beside it, which replaces the target only when `write` succeeded. A target
    /// that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
    /// written to directly: renaming over it would replace the device or pipe itself.
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Destination::Stdout => {
                let stdout = io::stdout();
                let mut w = BufWriter::with_capacity(WRITE_BUFFER, stdout.lock());
                write_into(Path::new("stdout"), &mut w, write)
            }
            Destination::File(path) if is_special(path) => {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| output_error(path, "cannot open for writing", &e))?;
                let mut w = BufWriter::with_capacity(WRITE_BUFFER, file);
                write_into(path, &mut w, write)
            }
            Destination::File(given) => replace_atomically(given, |path, file| {
                let mut w = BufWriter::with_capacity(WRITE_BUFFER, file);
                write_into(path, &mut w, write)
            }),
        }
    }

    /// [`Destination::write_with`] for a writer that must seek (a zip: xlsx): a regular
    /// file is written in place of its temporary file, with the same guarantees (the
    /// target replaced only when `write` succeeded, never an input); stdout, a device or a
    /// pipe gets the bytes once they are complete.
    pub fn write_seekable_with(
        &self,
        write: impl FnOnce(&mut dyn SeekWrite) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        match self {
            Destination::File(given) if !is_special(given) => {
                replace_atomically(given, |path, file| {
                    let written = write(file).and_then(|()| Ok(file.flush()?));
                    written.map_err(|e| match e.downcast::<io::Error>() {
                        Ok(io) => output_error(path, "cannot write", &io).into(),
                        Err(other) => other,
                    })
                })
            }
            _ => {
                let mut buffer = io::Cursor::new(Vec::new());
                write(&mut buffer)?;
                self.write_with(|w| Ok(w.write_all(buffer.get_ref())?))
            }
        }
    }
}

/// Whether `path` is there and neither a regular file nor a folder: a device or a named
/// pipe, written to directly (renaming over it would replace the device or pipe itself).
fn is_special(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// What a zip is written to: it goes back to fill in sizes.
pub trait SeekWrite: Write + io::Seek + Send {}
impl<T: Write + io::Seek + Send> SeekWrite for T {}

/// Writes `given` (through a symbolic link, the file it points to, made when it does not
/// exist yet; the link kept) by `write` into a temporary file beside it, which replaces
/// the target only when `write` succeeded; an interrupt removes it.
fn replace_atomically(
    given: &Path,
    write: impl FnOnce(&Path, &mut fs::File) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let target = fs::symlink_metadata(given)
        .is_ok_and(|m| m.file_type().is_symlink())
        .then(|| link_target(given))
        .flatten();
    let path = target.as_deref().unwrap_or(given);
    let dir = parent_dir(path);
    Pending::handle_interrupts();
    let mut tmp = temp_builder()
        .tempfile_in(&dir)
        .map_err(|e| output_error(&dir, "cannot create a temporary file", &e))?;
    let _pending = Pending::new(tmp.path());
    // no fsync before the rename: a failed or interrupted run still leaves the old file or
    // the whole new one, and a result can always be made again; syncing 50 MB cost more
    // than the rest of the run (BENCHMARKS.md)
    write(path, tmp.as_file_mut())?;
    // replacing a file keeps its permissions; a new file keeps those it was created with
    // (an ordinary file's, under the user's umask)
    if let Ok(old) = fs::metadata(path) {
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(|e| output_error(path, "cannot set permissions", &e))?;
    }
    tmp.persist(path)
        .map_err(|e| output_error(path, "cannot replace the file", &e.error))?;
    Ok(())
}

/// Runs `write` into `w` and flushes it. An I/O error (a full disk, a file that may not be
/// written) names `target` with a hint, as input errors do, and so does an error of the
/// output's content that names no place (a character CP932 cannot encode); a closed pipe
/// stays as it is, for `main` to end quietly.
fn write_into<W: Write>(
    target: &Path,
    w: &mut BufWriter<W>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let written = write(w).and_then(|()| Ok(w.flush()?));
    written.map_err(|e| match e.downcast::<io::Error>() {
        Ok(io) if io.kind() == io::ErrorKind::BrokenPipe => io.into(),
        Ok(io) => output_error(target, "cannot write", &io).into(),
        Err(other) => match other.downcast::<InputError>() {
            Ok(e) if e.location.is_none() => InputError {
                location: Some(Box::new(Location::file(target))),
                ..e
            }
            .into(),
            Ok(e) => e.into(),
            Err(other) => other,
        },
    })
}

/// A failure to write the output: where, what, the system's reason, and what to try.
fn output_error(target: &Path, what: &str, e: &io::Error) -> InputError {
    InputError::at(
        Location::file(target),
        format!("{what}: {}", crate::input::io_reason(e)),
    )
    .hint("check the free space and that the folder and file may be written, or choose another -o path")
}

/// Temporary files being written, removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A temporary file registered in [`PENDING`] while it is written: an interrupt (Ctrl-C,
/// `SIGTERM`, `SIGHUP`) removes it and exits with [`Exit::Interrupted`], instead of
/// leaving `.ismap-gap-*.tmp` beside the target. Dropping it (written and renamed, or
/// failed and removed by tempfile) takes it off the list.
struct Pending(PathBuf);

impl Pending {
    /// Sets the interrupt handler, once per process, before the first temporary file is
    /// created. It runs on a thread of its own; if a program embedding this library has
    /// set one already, this fails and an interrupt may leave the file.
    fn handle_interrupts() {
        static HANDLER: Once = Once::new();
        HANDLER.call_once(|| {
            let _ = ctrlc::set_handler(|| {
                for file in pending().iter() {
                    let _ = fs::remove_file(file);
                }
                std::process::exit(Exit::Interrupted as i32);
            });
        });
    }

    fn new(path: &Path) -> Pending {
        pending().push(path.to_path_buf());
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        pending().retain(|p| *p != self.0);
    }
}

/// The list of [`PENDING`] files (a panic elsewhere cannot leave it unusable).
fn pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// The temporary file beside the target: created as an ordinary file would be (read and
/// write for all, less the user's umask, as `File::create` does), not tempfile's private
/// 0600, so a new result gets the permissions the user expects.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ismap-gap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder
}

/// The file a symbolic link points to, also when that file does not exist yet.
fn link_target(link: &Path) -> Option<PathBuf> {
    fs::canonicalize(link).ok().or_else(|| {
        let target = fs::read_link(link).ok()?;
        Some(if target.is_relative() {
            parent_dir(link).join(target)
        } else {
            target
        })
    })
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writing through a symbolic link replaces the file it points to and keeps the link.
    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        let link = dir.path().join("link.csv");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        Destination::File(link.clone())
            .write_with(|w: &mut dyn Write| {
                w.write_all(b"new")?;
                Ok(())
            })
            .unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // a link to a file not made yet: the file is made, the link kept
        let later = dir.path().join("later.csv");
        let dangling = dir.path().join("dangling.csv");
        std::os::unix::fs::symlink("later.csv", &dangling).unwrap();
        Destination::File(dangling.clone())
            .write_with(|w: &mut dyn Write| Ok(w.write_all(b"made")?))
            .unwrap();
        assert!(fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&later).unwrap(), "made");
    }

    /// Writing to a named pipe (like `-o /dev/null` or `-o /dev/stdout`) writes into it and
    /// leaves it a pipe: it is never replaced by a regular file.
    #[cfg(unix)]
    #[test]
    fn a_special_file_is_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo not available: skipped");
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        Destination::File(fifo.clone())
            .write_with(|w: &mut dyn Write| {
                w.write_all(b"through the pipe")?;
                Ok(())
            })
            .unwrap();
        // checked before joining: were the pipe replaced, the reader would wait forever
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(reader.join().unwrap(), "through the pipe");
        // nothing else was left in the folder (no temporary file)
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_leaves_nothing_and_keeps_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let dest = Destination::File(path.clone());
        let r = dest.write_with(|w: &mut dyn Write| {
            w.write_all(b"partial")?;
            anyhow::bail!("boom")
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        dest.write_with(|w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // a new result has the permissions of a file made by File::create, whatever
            // the umask; a replaced one keeps its own
            let fresh = dir.path().join("fresh.csv");
            Destination::File(fresh.clone())
                .write_with(|w| Ok(w.write_all(b"x")?))
                .unwrap();
            let plain = dir.path().join("plain.csv");
            fs::File::create(&plain).unwrap();
            let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&fresh), mode(&plain));
            fs::set_permissions(&fresh, fs::Permissions::from_mode(0o640)).unwrap();
            Destination::File(fresh.clone())
                .write_with(|w| Ok(w.write_all(b"y")?))
                .unwrap();
            assert_eq!(mode(&fresh), 0o640);
        }
    }

    /// A writer that seeks (a zip) writes the temporary file itself, with the same
    /// guarantees: the old file stays on failure, nothing is left behind; a pipe gets the
    /// bytes once they are complete.
    #[test]
    fn a_seeking_writer_replaces_the_file_atomically() {
        use std::io::SeekFrom;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.xlsx");
        fs::write(&path, "old").unwrap();
        let dest = Destination::File(path.clone());
        let failed = dest.write_seekable_with(|w| {
            w.write_all(b"partial")?;
            anyhow::bail!("boom")
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let seek_back = |w: &mut dyn SeekWrite| -> anyhow::Result<()> {
            w.write_all(b"xxxx")?;
            w.seek(SeekFrom::Start(0))?;
            w.write_all(b"ab")?;
            Ok(())
        };
        dest.write_seekable_with(seek_back).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "abxx");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            let fifo = dir.path().join("pipe");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|s| s.success()) {
                let reader = {
                    let fifo = fifo.clone();
                    std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
                };
                Destination::File(fifo.clone())
                    .write_seekable_with(seek_back)
                    .unwrap();
                assert_eq!(reader.join().unwrap(), "abxx");
            }
        }
    }

    #[test]
    fn refuses_missing_folder_and_input_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Destination::File(dir.path().join("nope/out.csv"));
        assert!(missing
            .check(&[])
            .unwrap_err()
            .message
            .contains("does not exist"));
        fs::write(dir.path().join("file.csv"), "x").unwrap();
        let under_a_file = Destination::File(dir.path().join("file.csv/out.csv"));
        assert!(under_a_file
            .check(&[])
            .unwrap_err()
            .message
            .contains("is a file, not a folder"));
        let input = dir.path().join("in.csv");
        fs::write(&input, "x").unwrap();
        let same = Destination::File(input.clone());
        assert!(same
            .check(&[&input])
            .unwrap_err()
            .message
            .contains("also an input"));
    }
}
