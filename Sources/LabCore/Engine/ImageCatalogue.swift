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
        /// Which programs its containers have (see `ImageFamily` for the sources).
        public let family: ImageFamily
    }

    static let path = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    static let size: Int64 = 1_985_610

    /// Every image, oldest first.
    public static let entries: [Entry] = [
        e("nginx", "latest", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], env: [path, "NGINX_VERSION=1.27.3"], ports: ["80/tcp"], service: "nginx", family: .debianCurl),
        e("nginx", "alpine", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], ports: ["80/tcp"], service: "nginx", family: .busybox),
        e("nginx", "1.13", ["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], ports: ["80/tcp"], service: "nginx", family: .debian),
        e("httpd", "latest", nil, ["httpd-foreground"], ports: ["80/tcp"], workdir: "/usr/local/apache2", service: "httpd-foreground", family: .debian),
        e("mysql", "latest", ["docker-entrypoint.sh"], ["mysqld"], ports: ["3306/tcp", "33060/tcp"], volumes: ["/var/lib/mysql"], service: "mysqld", family: .redhat),
        e("postgres", "latest", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .debian),
        e("postgres", "9.6.1", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .debian),
        e("postgres", "9.6.2", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .debian),
        e("postgres", "10-alpine", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .busybox),
        e("redis", "latest", ["docker-entrypoint.sh"], ["redis-server"], ports: ["6379/tcp"], volumes: ["/data"], workdir: "/data", service: "redis-server", family: .debian),
        e("redis", "alpine", ["docker-entrypoint.sh"], ["redis-server"], ports: ["6379/tcp"], volumes: ["/data"], workdir: "/data", service: "redis-server", family: .busybox),
        e("mongo", "3.4", ["docker-entrypoint.sh"], ["mongod"], ports: ["27017/tcp"], volumes: ["/data/configdb", "/data/db"], service: "mongod", family: .debian),
        e("elasticsearch", "2", ["/docker-entrypoint.sh"], ["elasticsearch"], ports: ["9200/tcp", "9300/tcp"], volumes: ["/usr/share/elasticsearch/data"], workdir: "/usr/share/elasticsearch", service: "elasticsearch", family: .buildpackCurl),
        e("alpine", "latest", nil, ["/bin/sh"], family: .busybox),
        e("ubuntu", "latest", nil, ["/bin/bash"], family: .debian),
        e("ubuntu", "14.04", nil, ["/bin/bash"], family: .debian),
        e("centos", "7", nil, ["/bin/bash"], family: .redhat),
        e("registry", "latest", ["/entrypoint.sh"], ["/etc/docker/registry/config.yml"], ports: ["5000/tcp"], volumes: ["/var/lib/registry"], service: "registry", family: .busybox),
        e("hello-world", "latest", nil, ["/hello"], family: .scratch),
        // Added for the seed notes' images (metadata from docker-library/repo-info
        // repos/IMAGE/local/TAG.md and the images' Dockerfiles).
        e("node", "latest", ["docker-entrypoint.sh"], ["node"], env: [path, "NODE_VERSION=26.10.0"], family: .buildpackCurl),
        e("node", "6.14.2-alpine", nil, ["node"], env: [path, "NODE_VERSION=6.14.2", "YARN_VERSION=1.6.0"], family: .busybox),
        e("python", "latest", nil, ["python3"], env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"], family: .buildpackCurl),
        e("python", "3.6.1-alpine", nil, ["python3"], env: ["PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "PYTHON_VERSION=3.6.1"], family: .busybox),
        e("drupal", "latest", ["docker-php-entrypoint"], ["apache2-foreground"], ports: ["80/tcp"], workdir: "/var/www/html", service: "apache2-foreground", family: .debianCurl),
        e("drupal", "8.5.4", ["docker-php-entrypoint"], ["apache2-foreground"], ports: ["80/tcp"], workdir: "/var/www/html", service: "apache2-foreground", family: .debianCurl),
        e("drupal", "8.5.4-apache", ["docker-php-entrypoint"], ["apache2-foreground"], ports: ["80/tcp"], workdir: "/var/www/html", service: "apache2-foreground", family: .debianCurl),
        e("wordpress", "latest", ["docker-entrypoint.sh"], ["apache2-foreground"], ports: ["80/tcp"], volumes: ["/var/www/html"], workdir: "/var/www/html", service: "apache2-foreground", family: .debianCurl),
        e("busybox", "latest", nil, ["sh"], family: .busybox),
        e("debian", "latest", nil, ["bash"], family: .debian),
        e("centos", "latest", nil, ["/bin/bash"], family: .redhat),
        e("postgres", "9.6.1-alpine", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .busybox),
        e("postgres", "9.6.9-alpine", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .busybox),
        e("postgres", "10.4-alpine", ["docker-entrypoint.sh"], ["postgres"], ports: ["5432/tcp"], volumes: ["/var/lib/postgresql/data"], service: "postgres", family: .busybox),
        e("mongo", "latest", ["docker-entrypoint.sh"], ["mongod"], ports: ["27017/tcp"], volumes: ["/data/configdb", "/data/db"], service: "mongod", family: .debian),
    ]

    private static func e(_ repo: String, _ tag: String, _ entrypoint: [String]?, _ cmd: [String]?, env: [String] = [],
                          ports: [String] = [], volumes: [String] = [], workdir: String = "", service: String? = nil,
                          family: ImageFamily) -> Entry {
        Entry(repository: repo, tag: tag, entrypoint: entrypoint, cmd: cmd, env: env, exposedPorts: ports, volumes: volumes,
              workingDir: workdir, size: size, service: service, family: family)
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
