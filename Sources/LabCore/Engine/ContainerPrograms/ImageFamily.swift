import Foundation

/// Which programs an image has, by the base it is built on. The oracle's stand-ins are all
/// busybox, but the real images differ. Sources, read for this model:
/// - nginx: docker-library/repo-info repos/nginx/local/latest.md lists the `curl`, `bash`, `dash`
///   and `coreutils` packages (and no iputils or wget);
/// - httpd: docker-library/httpd 2.4/Dockerfile installs curl only as a build dependency and
///   purges it (`apt-get purge -y --auto-remove $buildDeps`);
/// - node, python: FROM buildpack-deps:SUITE, whose curl layer (docker-library/buildpack-deps
///   debian/bookworm/curl/Dockerfile) installs `curl` and `wget`; node's metadata from repo-info
///   repos/node/local/latest.md;
/// - centos: recorded course transcripts run `docker container run --rm --net dude centos curl -s
///   search:9200`, so its base has curl;
/// - alpine, busybox, registry and the `*-alpine` tags: busybox (the recordings here).
/// Not read here, assumed from their bases: ubuntu, debian, postgres, redis, mongo (Debian or
/// Ubuntu with no network client), mysql (Oracle Linux, counted with centos), elasticsearch:2
/// (openjdk:8-jre on buildpack-deps' curl layer), drupal and wordpress (php, which keeps curl).
public enum ImageFamily: String, Sendable, Equatable, CaseIterable {
    /// busybox applets with `sh` = ash, no bash.
    case busybox
    /// bash, GNU coreutils, `sh` = dash; no ping, curl or wget.
    case debian
    /// As `debian`, with curl (nginx, drupal, wordpress).
    case debianCurl
    /// As `debian`, with curl and GNU wget (node, python, elasticsearch:2).
    case buildpackCurl
    /// bash (also as `sh`), GNU coreutils, curl (centos, mysql).
    case redhat
    /// Nothing but its one program (hello-world: FROM scratch).
    case scratch

    /// The programs a process in an image of this family can start (built once).
    public var programs: ProgramTable {
        switch self {
        case .busybox: return Self.busyboxTable
        case .debian: return Self.debianTable
        case .debianCurl: return Self.debianCurlTable
        case .buildpackCurl: return Self.buildpackTable
        case .redhat: return Self.redhatTable
        case .scratch: return Self.scratchTable
        }
    }

    /// The shell the attached terminal speaks by default (`docker run -it IMAGE`): ash in busybox
    /// images, bash elsewhere.
    var interactiveDialect: ShellDialect { self == .busybox ? .ash : .bash }

    /// GNU programs busybox has no applet for, and programs no image of the catalogue ships.
    static let notInBusybox = ["bash", "sudo", "gawk", "mawk"]
    static let notInDebian = ["sudo", "gawk", "less"]

    private static let busyboxTable: ProgramTable = {
        var t = ProgramTable.coreutils
        for name in notInBusybox { t.unregister(name) }
        t.shellDialect = .ash
        t.register("ash", t.program(named: "sh")!, path: "/bin/ash")
        ContainerNetworkPrograms.installBusybox(into: &t)
        BusyboxApplets.install(into: &t)
        return t
    }()

    private static func gnuTable() -> ProgramTable {
        var t = ProgramTable.coreutils
        for name in notInDebian { t.unregister(name) }
        t.shellDialect = .dash
        t.register("dash", t.program(named: "sh")!, path: "/bin/dash")
        ContainerNetworkPrograms.installGNU(into: &t)
        return t
    }

    private static let debianTable: ProgramTable = gnuTable()
    private static let debianCurlTable: ProgramTable = {
        var t = gnuTable()
        t.register("curl", CurlProgram())
        return t
    }()
    private static let buildpackTable: ProgramTable = {
        var t = gnuTable()
        t.register("curl", CurlProgram())
        t.register("wget", GNUWgetProgram())
        return t
    }()
    private static let redhatTable: ProgramTable = {
        var t = gnuTable()
        t.shellDialect = .bash
        t.unregister("dash")
        t.register("curl", CurlProgram())
        return t
    }()
    private static let scratchTable = ProgramTable()

    /// The family of a container's image: by the name it was run with, else by the names of its image.
    static func of(_ container: Container, engine: DockerEngine) -> ImageFamily {
        of(image: container.config.image, imageID: container.imageID, engine: engine)
    }

    /// The family of a container's image, by the name it was run with (`image`) and its id.
    static func of(image reference: String, imageID: String, engine: DockerEngine) -> ImageFamily {
        if let f = family(named: reference) { return f }
        if let i = engine.imageIndex(id: imageID) {
            for tag in engine.images[i].repoTags { if let f = family(named: tag) { return f } }
            // A built image runs what its base image has.
            if let base = engine.images[i].built?.base, let f = family(named: base) { return f }
        }
        return .busybox
    }

    /// The catalogue family of `repository[:tag]`, or nil for an image the catalogue lacks.
    static func family(named reference: String) -> ImageFamily? {
        if let known = FamilyCache.shared.family(reference) { return known }
        let name = ImageName(reference)
        let family = ImageCatalogue.entry(repository: name.repository, tag: name.tag ?? "latest")?.entry.family
        FamilyCache.shared.remember(family, for: reference)
        return family
    }
}

/// The catalogue families of image references already looked up (the catalogue never changes,
/// so neither does a reference's family). Thread-safe and bounded.
final class FamilyCache: @unchecked Sendable {
    static let shared = FamilyCache()

    private let lock = NSLock()
    private var families: [String: ImageFamily?] = [:]

    /// The family remembered for `reference`: .some(nil) for one the catalogue lacks, nil when unknown.
    func family(_ reference: String) -> ImageFamily?? {
        lock.lock()
        defer { lock.unlock() }
        return families[reference]
    }

    func remember(_ family: ImageFamily?, for reference: String) {
        lock.lock()
        defer { lock.unlock() }
        if families.count >= 1024 { families.removeAll(keepingCapacity: true) }
        families[reference] = family
    }
}
