/// The packages the lab's package managers can install without a network: what each is called,
/// its version, what it depends on, and what it leaves in a container (programs on PATH, Python
/// modules that import). One entry per release a course is likely to meet.
///
/// Where the facts come from:
/// - PyPI (`pip`): `pip download` on the development machine on 2026-12-01, once for the
///   packages' newest releases and once with `--python-version 3.6` (what a Python 3.6 image
///   gets today, each package's `Requires-Python` deciding): the wheel file names and sizes
///   below are those files', and the dependencies, `Requires-Python` bounds and console scripts
///   are read from each wheel's `METADATA` and `entry_points.txt`. On musl (the `-alpine`
///   images) no manylinux wheel fits, so MarkupSafe 2.0.1 comes as its sdist (its size too).
/// - Alpine (`apk`) and Debian (`apt-get`): the package names and the programs they install
///   are the distributions'; curl's Alpine version is aports' main/curl/APKBUILD as the search
///   index stores it (7.80.0-r3). The other versions and the installed sizes are NOT verified
///   (the lab is offline and the aports and Debian archives were not reachable): they are
///   stand-ins, named as such here, and only decide the numbers apk and apt print.
public enum PackageCatalogue {
    /// One release of a PyPI project.
    public struct PythonRelease: Sendable, Equatable {
        /// The project's name as its metadata spells it (`Flask`, `Jinja2`).
        public let name: String
        public let version: String
        /// The oldest and, when bounded, the first too-new Python (`>=3.6, <3.7`), as "3.6".
        public let requiresPython: String
        public let belowPython: String?
        /// `Requires-Dist` lines: the requirement, and the Python it applies below (a
        /// `python_version < "3.8"` marker), if any.
        public let requires: [(requirement: String, belowPython: String?)]
        /// The file pip downloads and its size in bytes; `{cp}` stands for the interpreter's tag.
        public let file: String
        public let size: Int
        /// Console scripts it installs into /usr/local/bin.
        public let programs: [String]
        /// Top-level modules it makes importable.
        public let modules: [String]

        public static func == (a: Self, b: Self) -> Bool { a.name == b.name && a.version == b.version }
    }

    /// Every release, newest first for each project.
    public static let python: [PythonRelease] = [
        py("Flask", "3.1.3", ">=3.9", ["blinker>=1.9.0", "click>=8.1.3", ("importlib-metadata>=3.6.0", "3.10"), "itsdangerous>=2.2.0",
                                        "jinja2>=3.1.2", "markupsafe>=2.1.1", "werkzeug>=3.1.0"],
           "flask-3.1.3-py3-none-any.whl", 103_424, programs: ["flask"]),
        py("Flask", "2.0.3", ">=3.6", ["Werkzeug>=2.0", "Jinja2>=3.0", "itsdangerous>=2.0", "click>=7.1.2"],
           "Flask-2.0.3-py3-none-any.whl", 95_575, programs: ["flask"]),
        py("Werkzeug", "3.1.9", ">=3.9", ["markupsafe>=2.1.1"], "werkzeug-3.1.9-py3-none-any.whl", 228_700),
        py("Werkzeug", "2.0.3", ">=3.6", [("dataclasses", "3.7")], "Werkzeug-2.0.3-py3-none-any.whl", 289_232),
        py("Jinja2", "3.1.6", ">=3.7", ["MarkupSafe>=2.0"], "jinja2-3.1.6-py3-none-any.whl", 134_899),
        py("Jinja2", "3.0.3", ">=3.6", ["MarkupSafe>=2.0"], "Jinja2-3.0.3-py3-none-any.whl", 133_630),
        py("itsdangerous", "2.2.0", ">=3.8", [], "itsdangerous-2.2.0-py3-none-any.whl", 16_234),
        py("itsdangerous", "2.0.1", ">=3.6", [], "itsdangerous-2.0.1-py3-none-any.whl", 18_326),
        py("click", "8.5.1", ">=3.10", [], "click-8.5.1-py3-none-any.whl", 126_163),
        py("click", "8.0.4", ">=3.6", [("importlib-metadata", "3.8")], "click-8.0.4-py3-none-any.whl", 97_486),
        py("MarkupSafe", "3.0.4", ">=3.9", [], "markupsafe-3.0.4-{cp}-{cp}-manylinux2014_x86_64.manylinux_2_17_x86_64.manylinux_2_28_x86_64.whl", 22_961),
        py("MarkupSafe", "2.0.1", ">=3.6", [], "MarkupSafe-2.0.1.tar.gz", 18_596),
        py("blinker", "1.9.0", ">=3.9", [], "blinker-1.9.0-py3-none-any.whl", 8_458),
        py("dataclasses", "0.8", ">=3.6", [], "dataclasses-0.8-py3-none-any.whl", 19_041, below: "3.7"),
        py("importlib-metadata", "4.8.3", ">=3.6", ["zipp>=0.5", ("typing-extensions>=3.6.4", "3.8")],
           "importlib_metadata-4.8.3-py3-none-any.whl", 17_978, modules: ["importlib_metadata"]),
        py("zipp", "3.6.0", ">=3.6", [], "zipp-3.6.0-py3-none-any.whl", 5_313),
        py("typing-extensions", "4.1.1", ">=3.6", [], "typing_extensions-4.1.1-py3-none-any.whl", 26_844, modules: ["typing_extensions"]),
        py("requests", "2.34.2", ">=3.10", ["charset_normalizer<4,>=2", "idna<4,>=2.5", "urllib3<3,>=1.26", "certifi>=2023.5.7"],
           "requests-2.34.2-py3-none-any.whl", 73_075),
        py("requests", "2.27.1", ">=3.6", ["urllib3<1.27,>=1.21.1", "certifi>=2017.4.17", "charset-normalizer~=2.0.0", "idna<4,>=2.5"],
           "requests-2.27.1-py2.py3-none-any.whl", 63_133),
        py("urllib3", "2.8.0", ">=3.10", [], "urllib3-2.8.0-py3-none-any.whl", 135_717),
        py("urllib3", "1.26.20", ">=3.6", [], "urllib3-1.26.20-py2.py3-none-any.whl", 144_225),
        py("idna", "3.20", ">=3.9", [], "idna-3.20-py3-none-any.whl", 69_583, programs: ["idna"]),
        py("idna", "3.10", ">=3.6", [], "idna-3.10-py3-none-any.whl", 70_442),
        py("certifi", "2026.10.19.post1", ">=3.7", [], "certifi-2026.10.19.post1-py3-none-any.whl", 134_047),
        py("certifi", "2025.4.26", ">=3.6", [], "certifi-2025.4.26-py3-none-any.whl", 159_618),
        py("charset-normalizer", "3.5.3", ">=3.7", [], "charset_normalizer-3.5.3-{cp}-{cp}-manylinux1_x86_64.manylinux_2_28_x86_64.manylinux_2_5_x86_64.whl",
           263_382, programs: ["normalizer"], modules: ["charset_normalizer"]),
        py("charset-normalizer", "2.0.12", ">=3.6", [], "charset_normalizer-2.0.12-py3-none-any.whl", 39_623,
           programs: ["normalizer"], modules: ["charset_normalizer"]),
        py("gunicorn", "27.0.1", ">=3.10", [], "gunicorn-27.0.1-py3-none-any.whl", 263_696, programs: ["gunicorn", "gunicornc"]),
        py("gunicorn", "21.2.0", ">=3.6", ["packaging", ("importlib-metadata", "3.8")], "gunicorn-21.2.0-py3-none-any.whl", 80_176,
           programs: ["gunicorn"]),
        py("packaging", "21.3", ">=3.6", ["pyparsing!=3.0.5,>=2.0.2"], "packaging-21.3-py3-none-any.whl", 40_750),
        py("pyparsing", "3.0.7", ">=3.6", [], "pyparsing-3.0.7-py3-none-any.whl", 98_049),
    ]

    /// A package of a Linux distribution (Alpine's apk, Debian's apt).
    public struct SystemPackage: Sendable, Equatable {
        public let name: String
        /// Stand-in versions except where the header names a source.
        public let version: String
        public let depends: [String]
        /// Programs it installs, each with the folder it lands in.
        public let programs: [String]
        /// Installed size in bytes (a stand-in).
        public let installedSize: Int
    }

    /// Alpine packages (`apk add`).
    public static let alpine: [SystemPackage] = [
        sys("ca-certificates", "20241121-r1", [], [], 680_000),
        sys("brotli-libs", "1.1.0-r2", [], [], 720_000),
        sys("nghttp2-libs", "1.65.0-r0", [], [], 170_000),
        sys("libcurl", "7.80.0-r3", ["brotli-libs", "nghttp2-libs"], [], 720_000),
        sys("curl", "7.80.0-r3", ["ca-certificates", "libcurl"], ["/usr/bin/curl"], 300_000),
        sys("pcre2", "10.43-r1", [], [], 900_000),
        sys("libexpat", "2.7.1-r0", [], [], 180_000),
        sys("git", "2.49.1-r0", ["libcurl", "libexpat", "pcre2"], ["/usr/bin/git"], 13_000_000),
        sys("tini", "0.19.0-r3", [], ["/sbin/tini"], 40_000),
        sys("ncurses-terminfo-base", "6.5_p20250503-r0", [], [], 30_000),
        sys("libncursesw", "6.5_p20250503-r0", ["ncurses-terminfo-base"], [], 420_000),
        sys("readline", "8.2.13-r1", ["libncursesw"], [], 270_000),
        sys("bash", "5.2.37-r0", ["readline"], ["/bin/bash"], 1_300_000),
        sys("xxd", "9.1.1415-r0", [], ["/usr/bin/xxd"], 20_000),
        sys("vim-common", "9.1.1415-r0", [], [], 10_000),
        sys("vim", "9.1.1415-r0", ["libncursesw", "vim-common", "xxd"], ["/usr/bin/vim"], 3_400_000),
        sys("openssl", "3.5.1-r0", [], ["/usr/bin/openssl"], 800_000),
        sys("jq", "1.8.0-r0", [], ["/usr/bin/jq"], 350_000),
    ]

    /// Debian packages (`apt-get install`).
    public static let debian: [SystemPackage] = [
        sys("ca-certificates", "20230311+deb12u1", [], [], 400_000),
        sys("libcurl4", "7.88.1-10+deb12u12", [], [], 800_000),
        sys("curl", "7.88.1-10+deb12u12", ["libcurl4"], ["/usr/bin/curl"], 500_000),
        sys("wget", "1.21.3-1+deb12u1", [], ["/usr/bin/wget"], 3_600_000),
        sys("git", "1:2.39.5-0+deb12u2", ["libcurl4"], ["/usr/bin/git"], 40_000_000),
        sys("iputils-ping", "3:20221126-1+deb12u1", [], ["/usr/bin/ping"], 120_000),
        sys("vim", "2:9.0.1378-2+deb12u2", [], ["/usr/bin/vim"], 4_000_000),
        sys("nano", "7.2-1+deb12u1", [], ["/usr/bin/nano"], 2_700_000),
        sys("tini", "0.19.0-1+b3", [], ["/usr/bin/tini"], 800_000),
        sys("jq", "1.6-2.1", [], ["/usr/bin/jq"], 100_000),
        sys("net-tools", "2.10-0.1", [], ["/usr/sbin/ifconfig", "/usr/bin/netstat"], 1_000_000),
        sys("dnsutils", "1:9.18.33-1~deb12u2", [], ["/usr/bin/dig", "/usr/bin/nslookup"], 200_000),
        sys("python3", "3.11.2-1+b1", [], ["/usr/bin/python3"], 90_000),
    ]

    /// The newest release of `name` (any spelling, PEP 503) that runs on Python `python`.
    public static func pythonRelease(_ name: String, python: String) -> PythonRelease? {
        let key = normalise(name)
        return Self.python.first { normalise($0.name) == key && fits($0, python: python) }
    }

    /// Every release of `name`, oldest first (for pip's "from versions:" list).
    public static func pythonVersions(_ name: String, python: String) -> [String] {
        let key = normalise(name)
        return Self.python.filter { normalise($0.name) == key && fits($0, python: python) }.map(\.version).reversed()
    }

    /// A Python project's name as PEP 503 compares it: lower case, runs of `-_.` as one `-`.
    public static func normalise(_ name: String) -> String {
        var out = ""
        var dash = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." { if !dash { out.append("-") }; dash = true; continue }
            dash = false
            out.append(c)
        }
        return out
    }

    /// Whether a release's `Requires-Python` admits Python `python` ("3.6.1").
    static func fits(_ r: PythonRelease, python: String) -> Bool {
        let v = minor(python)
        let low = minor(String(r.requiresPython.dropFirst(2)))
        if v.lexicographicallyPrecedes(low) { return false }
        if let below = r.belowPython, !v.lexicographicallyPrecedes(minor(below)) { return false }
        return true
    }

    /// (major, minor) of "3.10.2".
    static func minor(_ version: String) -> [Int] {
        version.split(separator: ".").prefix(2).map { Int($0) ?? 0 }
    }

    /// The Alpine package `name`, if the catalogue has it.
    public static func alpinePackage(_ name: String) -> SystemPackage? { alpine.first { $0.name == name } }

    /// The Debian package `name`, if the catalogue has it.
    public static func debianPackage(_ name: String) -> SystemPackage? { debian.first { $0.name == name } }

    private static func py(_ name: String, _ version: String, _ requires: String, _ deps: [Any], _ file: String, _ size: Int,
                           below: String? = nil, programs: [String] = [], modules: [String]? = nil) -> PythonRelease {
        let list: [(String, String?)] = deps.map { d in
            if let (r, b) = d as? (String, String) { return (r, b) }
            return (d as! String, nil)
        }
        return PythonRelease(name: name, version: version, requiresPython: requires, belowPython: below, requires: list, file: file,
                             size: size, programs: programs, modules: modules ?? [name.lowercased().replacingOccurrences(of: "-", with: "_")])
    }

    private static func sys(_ name: String, _ version: String, _ depends: [String], _ programs: [String], _ size: Int) -> SystemPackage {
        SystemPackage(name: name, version: version, depends: depends, programs: programs, installedSize: size)
    }
}
