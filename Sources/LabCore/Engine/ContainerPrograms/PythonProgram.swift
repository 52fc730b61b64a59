/// `python`, `python3` in a Python image: `--version`, `-m pip`, and a script file, whose
/// imports must be installed (else Python's `ModuleNotFoundError` traceback and status 1) and
/// which, when it is a Flask app that calls `app.run`, starts Flask's development server: the
/// banner (`FlaskApp`), then the process keeps running, answering on its port.
/// Wording: CPython's traceback (Python/traceback.c: `Traceback (most recent call last):`,
/// `  File "%U", line %d, in %U` and the line indented by four), importlib's `No module named
/// %r` (Lib/importlib/_bootstrap.py), Modules/main.c's `%ls: can't open file '%ls': [Errno %d]
/// %s` (status 2), `Python 3.6.1` for `--version` (on standard output since 3.4). Other
/// statements are not run: a script that is not a Flask app ends at once with status 0, after
/// its `print("…")` lines of plain string literals.
struct PythonProgram: SimulatedProgram {
    let python: ImageSystem.Python

    func run(_ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        var args = Array(p.arguments.dropFirst())
        while let a = args.first, a.hasPrefix("-"), a != "-m", a != "-c", a != "--version", a != "-V" { args.removeFirst() }
        guard let first = args.first else { return 0 }
        switch first {
        case "--version", "-V":
            p.write("Python \(python.version)\n")
            return 0
        case "-m":
            guard args.count > 1 else { p.writeError("Argument expected for the -m option\n"); return 2 }
            if args[1] == "pip" { return p.run(["pip"] + args.dropFirst(2), lab: &lab) }
            return 0
        case "-c":
            return script(args.count > 1 ? args[1] : "", file: "<string>", &p, lab: &lab)
        default:
            let path = p.resolve(first)
            guard let source = lab.machine.files.contents(of: path) else {
                p.writeError("\(p.name): can't open file '\(first)': [Errno 2] No such file or directory\n")
                return 2
            }
            return script(source, file: first, &p, lab: &lab)
        }
    }

    private func script(_ source: String, file: String, _ p: inout ProcessContext, lab: inout Lab) -> Int32 {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            var module: String?
            if line.hasPrefix("import ") { module = line.dropFirst(7).split(whereSeparator: { $0 == "," || $0 == " " }).first.map(String.init) }
            if line.hasPrefix("from ") { module = line.dropFirst(5).split(separator: " ").first.map(String.init) }
            if let module, !InstalledPackages.importable(module, files: lab.machine.files, python: python) {
                let top = String(module.split(separator: ".").first ?? "")
                p.writeError("Traceback (most recent call last):\n  File \"\(file)\", line \(n + 1), in <module>\n    \(line)\n"
                             + "ModuleNotFoundError: No module named '\(top)'\n")
                return 1
            }
        }
        if let app = FlaskApp.parse(source), app.runs,
           let version = InstalledPackages.pythonVersion(of: "flask", lab.machine.files, python: python) {
            let name = String(VirtualFileSystem.baseName(of: file).split(separator: ".").first ?? "app")
            let (out, err) = app.banner(flask: version, appName: name, address: ownAddress(lab))
            p.write(out)
            p.writeError(err)
            p.serveUntilStopped()
            return 0
        }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("print("), line.hasSuffix(")"), let text = FlaskApp.literal(in: line) { p.write(text + "\n") }
        }
        return 0
    }

    /// The container's address on its first network (what Werkzeug's get_interface_ip finds).
    private func ownAddress(_ lab: Lab) -> String {
        guard let id = lab.machine.containerID, let c = lab.machine.engine.containers.first(where: { $0.id == id }) else { return "127.0.0.1" }
        return c.endpoints.first?.ipAddress ?? "127.0.0.1"
    }

    /// Top-level modules of the standard library a script may import.
    static let standardModules: Set<String> = [
        "abc", "argparse", "array", "ast", "asyncio", "base64", "binascii", "bisect", "builtins", "calendar", "cgi", "cmath", "codecs",
        "collections", "concurrent", "configparser", "contextlib", "copy", "csv", "ctypes", "datetime", "decimal", "difflib", "dis",
        "email", "enum", "errno", "fcntl", "fnmatch", "fractions", "functools", "gc", "getpass", "gettext", "glob", "grp", "gzip",
        "hashlib", "heapq", "hmac", "html", "http", "importlib", "inspect", "io", "ipaddress", "itertools", "json", "keyword",
        "linecache", "locale", "logging", "math", "mimetypes", "multiprocessing", "numbers", "operator", "os", "pathlib", "pickle",
        "platform", "pprint", "pwd", "queue", "random", "re", "secrets", "select", "selectors", "shlex", "shutil", "signal", "site",
        "socket", "socketserver", "sqlite3", "ssl", "stat", "statistics", "string", "struct", "subprocess", "sys", "sysconfig",
        "tarfile", "tempfile", "textwrap", "threading", "time", "timeit", "traceback", "types", "typing", "unicodedata", "unittest",
        "urllib", "uuid", "warnings", "weakref", "wsgiref", "xml", "zipfile", "zlib", "__future__",
    ]
}
