/// The official images the lab knows without a network: their configuration as the registry
/// serves it. Source: the stand-ins of ../shared/tools/real-docker-oracle.sh, which carry the
/// official images' Entrypoint, Cmd, ExposedPorts, Env, Volumes and WorkingDir, read back with
/// `docker image inspect` from a real engine. Sizes are the stand-ins' (the real images' sizes
/// cannot be seen offline); the order is the order the oracle built them in (oldest first), which
/// decides `docker images` order for images of the same age.
public enum ImageCatalogue {
    /// One repository:tag the registry has.
    public struct Entry: Sendable, Equatable {
        public let repository: String      // "nginx", "library" implied for official images
        public let tag: String
        public let entrypoint: [String]?
        public let cmd: [String]?
        public let env: [String]
        public let exposedPorts: [String]
        public let volumes: [String]
        public let workingDir: String
        public let size: Int64
        /// The program the image runs as its service, when it is a server (nil for base images).
        public let service: String?
    }

    static let path = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    static let size: Int64 = 1_985_610

    /// Every image, oldest first.
    public static let entries: [Entry] = [
        e("nginx", "latest", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], env: [path, "NGINX_VERSION=1.27.3"], ports: ["80/tcp"], service: "nginx"),
        e("nginx", "alpine", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], ports: ["80/tcp"], service: "nginx"),
        e("nginx", "1.13", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], ports: ["80/tcp"], service: "nginx"),
        e("httpd", "latest", nil, ["httpd-foreground"], ports: ["80/tcp"], workdir: "/usr/local/apache2", service: "httpd-foreground"),
        e("mysql", "latest", ["docker-entrypoint.sh"], ["mysqld"], ports: ["3306/tcp", "33060/tcp"], volumes: ["/var/lib/mysql"], service: "mysqld"),
        e("postgres", "latest", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres"),
        e("postgres", "9.6.1", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres"),
        e("postgres", "9.6.2", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres"),
        e("postgres", "10-alpine", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres"),
        e("redis", "latest", ["docker-entrypoint.sh"], ["redis-server"], ports: ["6379/tcp"], volumes: ["/data"], workdir: "/data", service: "redis-server"),
        e("redis", "alpine", ["docker-entrypoint.sh"], ["redis-server"], ports: ["6379/tcp"], volumes: ["/data"], workdir: "/data", service: "redis-server"),
        e("mongo", "3.4", ["docker-entrypoint.sh"], ["mongod"], ports: ["27017/tcp"], volumes: ["/data/configdb", "/data/db"], service: "mongod"),
        e("elasticsearch", "2", ["/docker-entrypoint.sh"], ["elasticsearch"], ports: ["9200/tcp", "9300/tcp"], volumes: ["/usr/share/elasticsearch/data"], workdir: "/usr/share/elasticsearch", service: "elasticsearch"),
        e("alpine", "latest", nil, ["/bin/sh"]),
        e("ubuntu", "latest", nil, ["/bin/bash"]),
        e("ubuntu", "14.04", nil, ["/bin/bash"]),
        e("centos", "7", nil, ["/bin/bash"]),
        e("registry", "latest", ["/entrypoint.sh"], ["/etc/docker/registry/config.yml"], ports: ["5000/tcp"], volumes: ["/var/lib/registry"], service: "registry"),
        e("hello-world", "latest", nil, ["/hello"]),
    ]

    private static func e(_ repo: String, _ tag: String, _ entrypoint: [String]?, _ cmd: [String]?, env: [String] = [],
                          ports: [String] = [], volumes: [String] = [], workdir: String = "", service: String? = nil) -> Entry {
        Entry(repository: repo, tag: tag, entrypoint: entrypoint, cmd: cmd, env: env, exposedPorts: ports, volumes: volumes,
              workingDir: workdir, size: size, service: service)
    }

    private static let byReference: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, entry) in entries.enumerated() { map[entry.repository + ":" + entry.tag] = i }
        return map
    }()

    /// The catalogue entry and its position (age order) for a normalised `repository:tag`.
    public static func entry(repository: String, tag: String) -> (index: Int, entry: Entry)? {
        guard let i = byReference[repository + ":" + tag] else { return nil }
        return (i, entries[i])
    }
}
