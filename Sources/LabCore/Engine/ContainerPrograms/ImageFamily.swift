/// Which programs an image has, by the base it is built on. The oracle's stand-ins are all
/// busybox, but the real images differ; each claim below names the image's Dockerfile or its
/// package list in docker-library/repo-info (`repos/IMAGE/local/TAG.md`, the `dpkg` packages).
public enum ImageFamily: String, Sendable, Equatable, CaseIterable {
    /// alpine, busybox, registry and the `*-alpine` tags: busybox applets with `sh` = ash, no bash
    /// (docker-library/official-images library/alpine; alpine's rootfs holds only busybox).
    case busybox
    /// Debian and Ubuntu images with no network client: ubuntu, debian, httpd, postgres, redis,
    /// mongo (bash, GNU coreutils, `sh` = dash; no ping, curl or wget: their Dockerfiles purge the
    /// fetchers they install for the build, e.g. docker-library/httpd and docker-library/postgres).
    case debian
    /// Debian images that keep curl: nginx (repo-info repos/nginx/local/latest.md lists the
    /// `curl` binary package beside bash, dash and coreutils), and the php images' drupal and
    /// wordpress (docker-library/php keeps `curl` among its persistent dependencies).
    case debianCurl
    /// Images on buildpack-deps:*-curl (node, python, elasticsearch:2 through openjdk:8-jre):
    /// curl and GNU wget (docker-library/buildpack-deps curl/Dockerfile installs both).
    case buildpackCurl
    /// centos:7 and mysql (Oracle Linux): bash, GNU coreutils, curl from the base system.
    case redhat
    /// hello-world: nothing but /hello (docker-library/hello-world: FROM scratch).
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
        if let f = family(named: container.config.image) { return f }
        if let image = engine.images.first(where: { $0.id == container.imageID }) {
            for tag in image.repoTags { if let f = family(named: tag) { return f } }
        }
        return .busybox
    }

    /// The catalogue family of `repository[:tag]`, or nil for an image the catalogue lacks.
    static func family(named reference: String) -> ImageFamily? {
        let name = ImageName(reference)
        return ImageCatalogue.entry(repository: name.repository, tag: name.tag ?? "latest")?.entry.family
    }
}
