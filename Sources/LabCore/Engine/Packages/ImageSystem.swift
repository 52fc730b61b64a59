import Foundation

/// What an image's system is to a package manager: its distribution (which package manager it
/// has, which release its repositories are) and its Python, if it is a Python image.
/// Sources: python:3.6.1-alpine is `FROM alpine:3.4` with `PYTHON_VERSION 3.6.1` and
/// `PYTHON_PIP_VERSION 9.0.1` (the official Dockerfile of the time, as copies of it in public
/// repositories keep it); the other images' families are `ImageFamily`'s. NOT verified: the
/// Alpine release of the other alpine-based images and the Python and pip of python:latest
/// (stand-ins: Alpine v3.22, Python 3.14.0 with pip 26.3, the newest pip on PyPI today).
public struct ImageSystem: Sendable, Hashable {
    /// The distribution's package manager.
    public enum Distribution: Sendable, Hashable {
        /// apk, with the repositories of this Alpine branch ("v3.4").
        case alpine(branch: String)
        /// apt-get and dpkg.
        case debian
        /// No package manager the lab simulates (busybox, scratch, centos's yum).
        case none
    }

    /// A Python installation: its version, its pip's, and where it keeps packages.
    public struct Python: Sendable, Hashable {
        public let version: String
        public let pip: String
        /// pip before 10 prints its old messages (no `ERROR:` prefixes, the upgrade advice).
        public var oldPip: Bool { pip.hasPrefix("9.") }
        /// `python3.6`.
        public var versionedName: String { "python" + version.split(separator: ".").prefix(2).joined(separator: ".") }
        public var sitePackages: String { "/usr/local/lib/" + versionedName + "/site-packages" }
        /// The interpreter's wheel tag (`cp36`).
        public var tag: String { "cp" + version.split(separator: ".").prefix(2).joined() }
    }

    public let distribution: Distribution
    public let python: Python?

    /// The system of the image named `reference` (nil when the catalogue does not know it).
    static func of(reference: String) -> ImageSystem? {
        let name = ImageName(reference)
        let tag = name.tag ?? "latest"
        guard let family = ImageFamily.family(named: reference) else { return nil }
        var distribution: Distribution
        switch family {
        case .busybox: distribution = name.repository == "busybox" ? .none : .alpine(branch: "v3.22")
        case .debian, .debianCurl, .buildpackCurl: distribution = .debian
        case .redhat, .scratch: distribution = .none
        }
        var python: Python?
        if name.repository == "python" {
            if tag == "3.6.1-alpine" {
                distribution = .alpine(branch: "v3.4")
                python = Python(version: "3.6.1", pip: "9.0.1")
            } else {
                python = Python(version: "3.14.0", pip: "26.3")
            }
        }
        return ImageSystem(distribution: distribution, python: python)
    }

    /// The system of a container's image: by the name it was run with, its image's tags, or the
    /// base a built image came from; a plain busybox-like system when none is known.
    static func of(_ container: Container, engine: DockerEngine) -> ImageSystem {
        of(image: container.config.image, imageID: container.imageID, engine: engine)
    }

    /// The system of a container's image, by the name it was run with (`image`) and its id.
    static func of(image reference: String, imageID: String, engine: DockerEngine) -> ImageSystem {
        if let s = of(reference: reference) { return s }
        if let i = engine.imageIndex(id: imageID) {
            for tag in engine.images[i].repoTags { if let s = of(reference: tag) { return s } }
            if let base = engine.images[i].built?.base, let s = of(reference: base) { return s }
        }
        return ImageSystem(distribution: .none, python: nil)
    }

    /// The family's programs with this system's package managers and Python (nothing installed).
    fileprivate func systemPrograms(family: ImageFamily) -> ProgramTable {
        var table = family.programs
        switch distribution {
        case .alpine: table.register("apk", ApkProgram(system: self), path: "/sbin/apk")
        case .debian:
            table.register("apt-get", AptGetProgram(), path: "/usr/bin/apt-get")
            table.register("apt", AptGetProgram(), path: "/usr/bin/apt")
        case .none: break
        }
        if let python {
            let interpreter = PythonProgram(python: python)
            for name in ["python", "python3", python.versionedName] { table.register(name, interpreter, path: "/usr/local/bin/" + name) }
            for name in ["pip", "pip3"] { table.register(name, PipProgram(python: python), path: "/usr/local/bin/" + name) }
        }
        return table
    }
}

/// The program tables of the image systems met so far, by family and system (the tables are
/// built from the catalogue alone, so each is built once instead of copied and extended for
/// every process a container starts). Thread-safe (the grader replays on several threads) and
/// bounded, like `FamilyCache`.
final class SystemProgramsCache: @unchecked Sendable {
    static let shared = SystemProgramsCache()

    private struct Key: Hashable {
        let family: ImageFamily
        let system: ImageSystem
    }

    private let lock = NSLock()
    private var tables: [Key: ProgramTable] = [:]

    /// `system.systemPrograms(family:)`, built on first use.
    func table(family: ImageFamily, system: ImageSystem) -> ProgramTable {
        let key = Key(family: family, system: system)
        lock.lock()
        if let table = tables[key] {
            lock.unlock()
            return table
        }
        lock.unlock()
        let table = system.systemPrograms(family: family)
        lock.lock()
        defer { lock.unlock() }
        if tables.count >= 256 { tables.removeAll(keepingCapacity: true) }
        tables[key] = table
        return table
    }
}
