// A Python interpreter with the independent validators pinned in
// tests/python/requirements.txt (bagit, warcio, icalendar, …), for the tests that check
// planpub's output with them.
//
// One implementation for both kinds of tests. The integration tests reach it as
// `common::python` (tests/common/mod.rs names this file with #[path]); the unit tests in
// src/ write
//     mod python { include!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/validators.rs")); }
// which keeps working when source files move between folders. Because of that include!,
// this file has no inner attributes and no `//!` comments.
//
// The first call makes a virtual environment with `python3 -m venv` under
// target/python-validators/<key>/ and installs the pins into it; later calls and later
// runs reuse it. The key hashes the pins and the base interpreter, so a changed line in
// the requirements file, or another Python, gets an environment of its own. Several test
// threads and test processes may prepare at once: a file lock lets one of them build, in
// a `<key>.partial-<pid>` folder that is renamed into place only when it is complete, so a
// killed preparation never leaves a half environment that is taken as good.

use std::fmt;
use std::fs::{self, File, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

/// Set to `1` to skip the Python cross-checks knowingly.
pub const SKIP_VAR: &str = "PLANPUB_SKIP_PYTHON";

/// The one list of validators and their exact versions.
pub const REQUIREMENTS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/requirements.txt");

/// Bump when the way an environment is built changes, so old ones are not reused.
const LAYOUT: &str = "planpub python validators 1";

/// The validators' Python for the calling test, or `None` when PLANPUB_SKIP_PYTHON=1
/// (which it then says on the terminal). Panics with one message saying what is missing
/// and how to provide it when the environment cannot be prepared.
pub fn interpreter() -> Option<PathBuf> {
    if skipped() {
        announce_skip();
        return None;
    }
    // Once per test process: later tests get the same answer, good or bad, at once.
    static PREPARED: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let prepared = PREPARED.get_or_init(|| {
        Setup::for_tests()
            .prepare()
            .map(|p| p.python)
            .map_err(|e| e.to_string())
    });
    match prepared {
        Ok(python) => Some(python.clone()),
        Err(message) => panic!("{message}"),
    }
}

/// Whether the user asked to skip the Python cross-checks.
pub fn skipped() -> bool {
    std::env::var_os(SKIP_VAR).is_some_and(|v| v == "1")
}

/// Where and from what an environment is prepared.
#[derive(Clone, Debug)]
pub struct Setup {
    /// The base interpreter, looked up on PATH unless it is a path.
    pub python: PathBuf,
    pub requirements: PathBuf,
    /// The folder that holds the environments, one per key.
    pub root: PathBuf,
    /// Extra environment for the interpreter and pip (the helper's own tests use it).
    pub env: Vec<(String, String)>,
    /// Say on the terminal when building or waiting (off in the helper's own tests).
    pub announce: bool,
}

/// A ready environment's interpreter, and whether this call built it.
#[derive(Debug)]
pub struct Prepared {
    pub python: PathBuf,
    pub built: bool,
}

/// One exact pin, `name==version`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pin {
    pub name: String,
    pub version: String,
}

impl fmt::Display for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}=={}", self.name, self.version)
    }
}

/// Why no environment could be prepared; its Display is the whole message for the user.
#[derive(Debug)]
pub enum Problem {
    /// The requirements file cannot be read, or a line is not an exact pin.
    Requirements { file: PathBuf, detail: String },
    /// No usable Python 3 interpreter.
    NoPython {
        python: PathBuf,
        not_found: bool,
        detail: String,
    },
    /// Python 3 is there but cannot make virtual environments.
    NoVenv { python: PathBuf, detail: String },
    /// pip failed; `unreachable` when it could not reach the package index.
    Pip {
        pins: Vec<Pin>,
        unreachable: bool,
        output: String,
        manual: String,
    },
    /// An environment in place lacks a pinned package (made by hand, or damaged).
    Broken { dir: PathBuf, detail: String },
    /// The file system under target/ refused.
    Io { what: String, error: String },
    /// The preparation this one waited for failed just now with this whole message;
    /// trying again at once would only fail the same way, more slowly.
    Earlier { message: String },
}

struct Plan {
    pins: Vec<Pin>,
    dir: PathBuf,
}

impl Setup {
    /// `python3` from PATH, the repository's requirements file, and target/python-validators/.
    pub fn for_tests() -> Setup {
        Setup {
            python: PathBuf::from("python3"),
            requirements: PathBuf::from(REQUIREMENTS),
            root: default_root(),
            env: Vec::new(),
            announce: true,
        }
    }

    /// The folder the environment for these pins and this interpreter lives in.
    pub fn environment_dir(&self) -> Result<PathBuf, Problem> {
        Ok(self.plan()?.dir)
    }

    /// Reuse the environment if it is in place, or build it (once, under the lock).
    pub fn prepare(&self) -> Result<Prepared, Problem> {
        let plan = self.plan()?;
        if let Some(python) = self.ready(&plan)? {
            return Ok(Prepared {
                python,
                built: false,
            });
        }
        fs::create_dir_all(&self.root).map_err(|e| io_problem("create", &self.root, e))?;
        let (_lock, waited_since) = self.lock(&plan)?;
        // Another process may have finished it while this one waited for the lock.
        if let Some(python) = self.ready(&plan)? {
            return Ok(Prepared {
                python,
                built: false,
            });
        }
        if let Some(message) = waited_since.and_then(|since| failed_since(&plan.dir, since)) {
            return Err(Problem::Earlier { message });
        }
        let built = self.build(&plan);
        record_failure(&plan.dir, built.as_ref().err());
        built?;
        Ok(Prepared {
            python: venv_python(&plan.dir),
            built: true,
        })
    }

    fn plan(&self) -> Result<Plan, Problem> {
        let text = fs::read_to_string(&self.requirements).map_err(|e| Problem::Requirements {
            file: self.requirements.clone(),
            detail: format!("cannot be read: {e}"),
        })?;
        let pins = parse_pins(&text).map_err(|detail| Problem::Requirements {
            file: self.requirements.clone(),
            detail,
        })?;
        let base = self.probe()?;
        let mut hash = Sha256::new();
        hash.update(LAYOUT);
        for pin in &pins {
            hash.update(format!("\n{pin}"));
        }
        hash.update(format!("\n{}\n{}", base.version, base.executable));
        let key: String = hash.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        Ok(Plan {
            pins,
            dir: self.root.join(key),
        })
    }

    /// Runs the base interpreter once: is it Python 3, which one, can it make environments?
    fn probe(&self) -> Result<Base, Problem> {
        const PROBE: &str = "import sys\nprint(sys.version_info[0])\nprint(sys.version.split()[0])\n\
            print(sys.executable)\ntry:\n    import venv, ensurepip\n    print('venv')\n\
            except ImportError as e:\n    print(e)\n";
        let no_python = |not_found, detail| Problem::NoPython {
            python: self.python.clone(),
            not_found,
            detail,
        };
        let out = self
            .command(&self.python)
            .args(["-c", PROBE])
            .output()
            .map_err(|e| no_python(e.kind() == io::ErrorKind::NotFound, e.to_string()))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        match lines.as_slice() {
            ["3", version, executable, venv] if out.status.success() => {
                if *venv != "venv" {
                    return Err(Problem::NoVenv {
                        python: self.python.clone(),
                        detail: format!("    Python {version}: {venv}"),
                    });
                }
                Ok(Base {
                    version: version.to_string(),
                    executable: executable.to_string(),
                })
            }
            _ => Err(no_python(false, tail(&out))),
        }
    }

    /// The interpreter of a complete environment, `None` if there is none yet.
    fn ready(&self, plan: &Plan) -> Result<Option<PathBuf>, Problem> {
        if !plan.dir.is_dir() {
            return Ok(None);
        }
        let python = venv_python(&plan.dir);
        self.check_pins(&python, &plan.pins)
            .map_err(|detail| Problem::Broken {
                dir: plan.dir.clone(),
                detail,
            })?;
        Ok(Some(python))
    }

    /// The held lock, and since when this process waited for it if it had to.
    fn lock(&self, plan: &Plan) -> Result<(File, Option<SystemTime>), Problem> {
        let path = self.root.join(".lock");
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| io_problem("open", &path, e))?;
        let since = SystemTime::now();
        match file.try_lock() {
            Ok(()) => return Ok((file, None)),
            Err(TryLockError::WouldBlock) => self.announce(&format!(
                "waiting for another test (thread or process) that is preparing the Python validators in {}",
                plan.dir.display()
            )),
            Err(TryLockError::Error(e)) => return Err(io_problem("lock", &path, e)),
        }
        file.lock().map_err(|e| io_problem("lock", &path, e))?;
        Ok((file, Some(since)))
    }

    /// Builds into `<key>.partial-<pid>` and renames it into place only when it is complete.
    fn build(&self, plan: &Plan) -> Result<(), Problem> {
        remove_stale_partials(&plan.dir);
        let partial = beside(&plan.dir, &format!(".partial-{}", std::process::id()));
        let names: Vec<String> = plan.pins.iter().map(Pin::to_string).collect();
        self.announce(&format!(
            "preparing the Python validators ({}) in {} (once; pip downloads them from the package index)",
            if names.is_empty() {
                "none pinned".to_string()
            } else {
                names.join(", ")
            },
            plan.dir.display()
        ));
        let built = self.fill(&partial, plan).and_then(|()| {
            fs::rename(&partial, &plan.dir).map_err(|e| io_problem("rename", &partial, e))
        });
        if built.is_err() {
            let _ = fs::remove_dir_all(&partial);
        }
        // A killed preparation's stragglers have usually finished by now.
        remove_stale_partials(&plan.dir);
        built
    }

    fn fill(&self, partial: &Path, plan: &Plan) -> Result<(), Problem> {
        let mut venv = self.command(&self.python);
        venv.args(["-m", "venv"]);
        if plan.pins.is_empty() {
            venv.arg("--without-pip");
        }
        let out = venv.arg(partial).output();
        let failed = |detail| Problem::NoVenv {
            python: self.python.clone(),
            detail,
        };
        match out {
            Ok(o) if o.status.success() => {}
            Ok(o) => return Err(failed(tail(&o))),
            Err(e) => return Err(failed(e.to_string())),
        }
        let python = venv_python(partial);
        if !plan.pins.is_empty() {
            let out = self
                .command(&python)
                .args(["-m", "pip", "install", "--disable-pip-version-check"])
                .args(["--no-input"])
                .args(plan.pins.iter().map(Pin::to_string))
                .output()
                .map_err(|e| io_problem("run", &python, e))?;
            if !out.status.success() {
                return Err(self.pip_problem(plan, &out));
            }
        }
        // Says what the environment holds, for a person who looks into target/.
        let copy = partial.join("planpub-requirements.txt");
        fs::copy(&self.requirements, &copy).map_err(|e| io_problem("write", &copy, e))?;
        self.check_pins(&python, &plan.pins)
            .map_err(|detail| Problem::Broken {
                dir: partial.to_path_buf(),
                detail,
            })
    }

    fn pip_problem(&self, plan: &Plan, out: &Output) -> Problem {
        let output = tail(out);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // pip says "from versions: none" both when it cannot reach the index and when
        // the index lacks the package; either way the index is what is missing.
        const UNREACHABLE: [&str; 10] = [
            "(from versions: none)",
            "NewConnectionError",
            "Connection refused",
            "Failed to establish a new connection",
            "Name or service not known",
            "Temporary failure in name resolution",
            "ConnectTimeout",
            "timed out",
            "ProxyError",
            "Network is unreachable",
        ];
        let partial = beside(&plan.dir, ".partial");
        let manual = format!(
            "{base} -m venv {p} && {py} -m pip install -r {req} && mv {p} {dir}",
            base = self.python.display(),
            p = partial.display(),
            py = venv_python(&partial).display(),
            req = self.requirements.display(),
            dir = plan.dir.display(),
        );
        Problem::Pip {
            pins: plan.pins.clone(),
            unreachable: UNREACHABLE.iter().any(|m| all.contains(m)),
            output,
            manual,
        }
    }

    /// Err with what is wrong unless every pin is installed in exactly its version.
    fn check_pins(&self, python: &Path, pins: &[Pin]) -> Result<(), String> {
        const CHECK: &str = r#"
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    from packaging.version import Version
except ImportError:
    try:
        from pip._vendor.packaging.version import Version
    except ImportError:
        Version = str
wrong = []
for pin in sys.argv[1:]:
    name, want = pin.split("==", 1)
    try:
        have = version(name)
    except PackageNotFoundError:
        wrong.append("%s is not installed" % pin)
        continue
    if Version(have) != Version(want):
        wrong.append("%s is %s, not %s" % (name, have, want))
print("; ".join(wrong))
sys.exit(1 if wrong else 0)
"#;
        let out = self
            .command(python)
            .args(["-c", CHECK])
            .args(pins.iter().map(Pin::to_string))
            .output()
            .map_err(|e| format!("{} cannot be run: {e}", python.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(tail(&out))
        }
    }

    fn announce(&self, message: &str) {
        if self.announce {
            announce(message);
        }
    }

    fn command(&self, program: &Path) -> Command {
        let mut c = Command::new(program);
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }
}

struct Base {
    version: String,
    executable: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Problem::Earlier { message } = self {
            return f.write_str(message);
        }
        writeln!(
            f,
            "The Python cross-checks could not prepare their validators (Python 3 with the \
             packages pinned in tests/python/requirements.txt, in a virtual environment under \
             target/python-validators/)."
        )?;
        match self {
            Problem::Requirements { file, detail } => {
                writeln!(f, "What is wrong: {}: {detail}", file.display())?;
                writeln!(
                    f,
                    "How to fix it: write every line as an exact pin, `name==version`, or as a \
                     comment starting with #."
                )?;
            }
            Problem::NoPython {
                python,
                not_found,
                detail,
            } => {
                if *not_found {
                    writeln!(
                        f,
                        "What is missing: Python 3: `{}` was not found on PATH.",
                        python.display()
                    )?;
                } else {
                    writeln!(
                        f,
                        "What is missing: a working Python 3: `{}` did not run as Python 3:\n{detail}",
                        python.display()
                    )?;
                }
                writeln!(
                    f,
                    "How to provide it: install Python 3 with its venv module (Debian/Ubuntu: \
                     `apt-get install python3 python3-venv`; Fedora: `dnf install python3`; \
                     macOS: `brew install python`) so that `python3` is on PATH, then run \
                     `cargo test` again."
                )?;
            }
            Problem::NoVenv { python, detail } => {
                writeln!(
                    f,
                    "What is missing: Python's venv module: `{}` cannot create a virtual \
                     environment:\n{detail}",
                    python.display()
                )?;
                writeln!(
                    f,
                    "How to provide it: install it (Debian/Ubuntu: `apt-get install python3-venv`), \
                     then run `cargo test` again."
                )?;
            }
            Problem::Pip {
                pins,
                unreachable,
                output,
                manual,
            } => {
                let pins: Vec<String> = pins.iter().map(Pin::to_string).collect();
                let pins = pins.join(", ");
                if *unreachable {
                    writeln!(
                        f,
                        "What is missing: the package index: pip could not get {pins} from it \
                         (it was not reachable, or does not have them). pip said:\n{output}"
                    )?;
                    writeln!(
                        f,
                        "How to provide it: the first run downloads about 2.3 MB from PyPI \
                         (https://pypi.org), once. Allow that, or point pip elsewhere: a mirror \
                         with PIP_INDEX_URL=https://…/simple, a proxy with HTTPS_PROXY=…, or a \
                         folder of wheels with PIP_NO_INDEX=1 PIP_FIND_LINKS=/that/folder."
                    )?;
                } else {
                    writeln!(
                        f,
                        "What is wrong: pip could not install {pins}. pip said:\n{output}"
                    )?;
                    writeln!(
                        f,
                        "How to fix it: check that every line of tests/python/requirements.txt \
                         names a version that exists on the package index and suits this Python."
                    )?;
                }
                writeln!(f, "Or create the environment yourself:\n    {manual}")?;
            }
            Problem::Broken { dir, detail } => {
                writeln!(
                    f,
                    "What is wrong: the environment {} does not hold the pinned packages: {detail}",
                    dir.display()
                )?;
                writeln!(
                    f,
                    "How to fix it: delete that folder (rm -rf {}) and run `cargo test` again; \
                     it is then built anew.",
                    dir.display()
                )?;
            }
            Problem::Io { what, error } => {
                writeln!(f, "What is wrong: could not {what}: {error}")?;
                writeln!(f, "How to fix it: make sure target/ is writable.")?;
            }
            Problem::Earlier { .. } => unreachable!("written whole above"),
        }
        write!(
            f,
            "To skip these checks knowingly instead: {SKIP_VAR}=1 cargo test"
        )
    }
}

impl std::error::Error for Problem {}

/// Splits the requirements file into exact pins; reports every wrong line at once.
pub fn parse_pins(text: &str) -> Result<Vec<Pin>, String> {
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    let is_version = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".+!-_".contains(c))
    };
    let mut pins = Vec::new();
    let mut wrong = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        match line.split_once("==") {
            Some((name, version)) if is_name(name.trim()) && is_version(version.trim()) => pins
                .push(Pin {
                    name: name.trim().to_string(),
                    version: version.trim().to_string(),
                }),
            _ => wrong.push(format!(
                "line {}: `{line}` is not an exact pin (name==version)",
                i + 1
            )),
        }
    }
    if wrong.is_empty() {
        Ok(pins)
    } else {
        Err(wrong.join("; "))
    }
}

/// target/python-validators/, found from the test binary (`<target>/<profile>/deps/<name>`)
/// so that CARGO_TARGET_DIR is honoured.
fn default_root() -> PathBuf {
    let exe = std::env::current_exe().ok();
    let target = exe.as_deref().and_then(|exe| {
        let deps = exe.parent()?;
        (deps.file_name()? == "deps")
            .then(|| deps.parent()?.parent())
            .flatten()
    });
    target
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("python-validators")
}

fn venv_python(dir: &Path) -> PathBuf {
    if cfg!(windows) {
        dir.join("Scripts").join("python.exe")
    } else {
        dir.join("bin").join("python")
    }
}

/// Nobody else builds while this process holds the lock, so every partial folder is what
/// a killed preparation left. Each builder uses its own name, so a straggling child of a
/// killed one (pip outlives its parent) cannot write into the new build; removing its
/// folder may fail while it still writes, which does no harm.
fn remove_stale_partials(dir: &Path) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let prefix = format!("{}.partial", name.to_string_lossy());
    for entry in fs::read_dir(parent).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn beside(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    dir.with_file_name(name)
}

/// Keeps the message of a failed build beside the environment for the tests that are
/// waiting for it; a success removes it. Best effort: without it a waiter only retries.
fn record_failure(dir: &Path, problem: Option<&Problem>) {
    let file = beside(dir, ".failed");
    let _ = match problem {
        Some(problem) => fs::write(&file, problem.to_string()),
        None => fs::remove_file(&file),
    };
}

/// The message of a build that failed after `since`, while this process waited.
fn failed_since(dir: &Path, since: SystemTime) -> Option<String> {
    let file = beside(dir, ".failed");
    let modified = fs::metadata(&file).and_then(|m| m.modified()).ok()?;
    (modified >= since)
        .then(|| fs::read_to_string(&file).ok())
        .flatten()
}

fn io_problem(what: &str, path: &Path, error: io::Error) -> Problem {
    Problem::Io {
        what: format!("{what} {}", path.display()),
        error: error.to_string(),
    }
}

/// The last lines a command printed, indented, for a message.
fn tail(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    // pip repeats its retry warning once per try; the last one says it all.
    let retry = |l: &&str| l.contains("Retrying (");
    let lines: Vec<&str> = (0..lines.len())
        .filter(|&i| !(retry(&lines[i]) && lines.get(i + 1).is_some_and(retry)))
        .map(|i| lines[i])
        .collect();
    let start = lines.len().saturating_sub(8);
    let shown: Vec<String> = lines[start..].iter().map(|l| format!("    {l}")).collect();
    if shown.is_empty() {
        format!("    (nothing printed; {})", out.status)
    } else {
        shown.join("\n")
    }
}

/// Writes straight to the process's stderr: libtest captures only print!/eprint!, so this
/// line reaches the terminal of `cargo test` even from a passing test.
fn announce(message: &str) {
    let _ = writeln!(io::stderr().lock(), "note: {message}");
}

fn announce_skip() {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a Python cross-check");
    let names = fs::read_to_string(REQUIREMENTS)
        .ok()
        .and_then(|text| parse_pins(&text).ok())
        .map(|pins| {
            let names: Vec<String> = pins.into_iter().map(|p| p.name).collect();
            names.join(", ")
        })
        .unwrap_or_default();
    announce(&format!(
        "{SKIP_VAR}=1: {test} skipped its check with the independent Python validators ({names})"
    ));
}
