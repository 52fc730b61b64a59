import XCTest
@testable import LabCore

/// Which Compose files are read (parent folders, override files, several candidates), each
/// Compose's refusals, and depends_on conditions: texts recorded from the real docker-compose
/// 1.29.2 on this machine, or read in compose-go and docker/compose (cited in ComposeFiles and
/// ComposeDependencies).
final class ComposeFilesTests: XCTestCase {
    func labWith(_ files: [String: String]) -> Lab {
        var lab = Lab()
        for (path, text) in files {
            _ = SystemCommandsTests.run("mkdir -p " + VirtualFileSystem.parent(of: path), in: &lab)
            try? lab.machine.files.write(text, to: path)
        }
        return lab
    }

    func run(_ line: String, _ lab: inout Lab) -> (out: String, err: String, status: Int32) {
        let out = CapturedOutput()
        let status = LabShell().run(line, origin: .commandString, lab: &lab, output: out).status
        return (out.stdout, out.stderr, status)
    }

    static let healthy = """
        version: "3.9"
        services:
          web:
            image: nginx
            depends_on:
              db:
                condition: service_healthy
          db:
            image: postgres
            environment:
              POSTGRES_PASSWORD: x
            healthcheck:
              test: ["CMD", "pg_isready"]
              interval: 2s

        """

    /// docker-compose 1.29.2 `config` in a subfolder of the project: the parent's file and its
    /// override, merged; the condition and healthcheck as written (recorded).
    func testVersion1FindsTheParentsFileAndItsOverride() {
        var lab = labWith(["/root/proj/docker-compose.yml": Self.healthy, "/root/proj/sub/.keep": "",
                       "/root/proj/docker-compose.override.yml": "services:\n  web:\n    environment:\n      - MODE=dev\n"])
        let r = run("cd /root/proj/sub && docker-compose config", &lab)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.hasPrefix("""
            services:
              db:
                environment:
                  POSTGRES_PASSWORD: x
                healthcheck:
                  interval: 2s
                  test:
                  - CMD
                  - pg_isready
                image: postgres
              web:
                depends_on:
                  db:
                    condition: service_healthy
                environment:
                  MODE: dev
                image: nginx

            """), r.out)
    }

    func testVersion1WarnsAboutTwoFilesAndRefusesTwoOverrides() {
        var lab = labWith(["/root/p/docker-compose.yml": "services:\n  web:\n    image: nginx\n", "/root/p/compose.yml": "services: {}\n",
                       "/root/p/docker-compose.override.yml": "services: {}\n", "/root/p/compose.override.yml": "services: {}\n"])
        let r = run("cd /root/p && docker-compose config", &lab)
        XCTAssertEqual(r.err, "Found multiple config files with supported names: docker-compose.yml, compose.yml\nUsing docker-compose.yml\n\n"
                       + "Multiple override files found: ./docker-compose.override.yml, ./compose.override.yml. You may only use a single override file.\n")
        XCTAssertEqual(r.status, 1)
    }

    func testVersion2sOwnWords() {
        var lab = labWith(["/root/app/bad.yml": "services:\n  web:\n    image: nginx\n    bogus: 1\n", "/root/empty/.keep": "",
                       "/root/app/compose.yaml": "version: '3'\nservices:\n  web:\n    image: nginx\n"])
        XCTAssertEqual(run("cd /root/empty && docker compose ps", &lab).err, "no configuration file provided: not found\n")
        XCTAssertEqual(run("cd /root/app && docker compose -f nosuch.yml up", &lab).err, "open /root/app/nosuch.yml: no such file or directory\n")
        XCTAssertEqual(run("cd /root/app && docker compose -f bad.yml up", &lab).err,
                       "validating /root/app/bad.yml: services.web additional properties 'bogus' not allowed\n")
        XCTAssertEqual(run("cd /root/app && docker compose -f bad.yml up", &lab).status, 1)
        let warned = run("cd /root/app && docker compose ps", &lab)
        XCTAssertEqual(warned.err, "time=\"2024-01-01T00:00:00Z\" level=warning msg=\"/root/app/compose.yaml: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion\"\n")
    }

    /// v2 waits for a healthy dependency, pulls before it creates the network, and starts the
    /// dependent after it (docker/compose convergence.go's Waiting and Healthy events).
    func testVersion2WaitsForAHealthyDependency() {
        var lab = labWith(["/root/app/compose.yaml": Self.healthy.replacingOccurrences(of: "version: \"3.9\"\n", with: "")])
        let r = run("cd /root/app && docker compose up -d", &lab)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.err, """
             Image postgres Pulling 
             Image postgres Pulled 
             Image nginx Pulling 
             Image nginx Pulled 
             Network app_default Creating 
             Network app_default Created 
             Container app-db-1 Creating 
             Container app-db-1 Created 
             Container app-web-1 Creating 
             Container app-web-1 Created 
             Container app-db-1 Starting 
             Container app-db-1 Started 
             Container app-db-1 Waiting 
             Container app-db-1 Healthy 
             Container app-web-1 Starting 
             Container app-web-1 Started 

            """)
        XCTAssertEqual(run("docker inspect -f '{{.State.Health.Status}}' app-db-1", &lab).out, "healthy\n")
        XCTAssertEqual(run("docker exec app-db-1 pg_isready", &lab).out, "/var/run/postgresql:5432 - accepting connections\n")
    }

    func testAnUnhealthyDependencyStopsTheStart() {
        let failing = Self.healthy.replacingOccurrences(of: "[\"CMD\", \"pg_isready\"]", with: "[\"CMD\", \"false\"]")
        var lab = labWith(["/root/app/compose.yaml": failing])
        let v2 = run("cd /root/app && docker compose up -d", &lab)
        XCTAssertEqual(v2.status, 1)
        XCTAssertTrue(v2.err.hasSuffix(" Container app-db-1 Waiting \n Container app-db-1 Error dependency db failed to start\n"
                                       + "dependency failed to start: container app-db-1 is unhealthy\n"), v2.err)
        XCTAssertEqual(run("docker ps -a --format '{{.Names}} {{.State}}' | sort", &lab).out, "app-db-1 running\napp-web-1 created\n")
        var old = labWith(["/root/shop/docker-compose.yml": failing])
        let v1 = run("cd /root/shop && docker-compose up -d", &old)
        XCTAssertEqual(v1.status, 1)
        let short = String(old.machine.engine.containers.first { $0.name == "shop_db_1" }!.id.prefix(12))
        XCTAssertTrue(v1.err.hasSuffix("Creating shop_web_1 ... \n\nERROR: for web  Container \"\(short)\" is unhealthy.\nERROR: Encountered errors while bringing up the project.\n"), v1.err)
    }
}

extension ComposeFilesTests {
    /// v2's down: dependents first, each stopped then removed (docker/compose down.go), then the network.
    func testVersion2DownTakesDependentsFirst() {
        var lab = labWith(["/root/app/compose.yaml": "services:\n  web:\n    image: nginx\n    depends_on: [cache]\n  cache:\n    image: redis\n"])
        XCTAssertEqual(run("cd /root/app && docker compose up -d", &lab).status, 0)
        XCTAssertEqual(run("cd /root/app && docker compose down", &lab).err, """
             Container app-web-1 Stopping 
             Container app-web-1 Stopped 
             Container app-web-1 Removing 
             Container app-web-1 Removed 
             Container app-cache-1 Stopping 
             Container app-cache-1 Stopped 
             Container app-cache-1 Removing 
             Container app-cache-1 Removed 
             Network app_default Removing 
             Network app_default Removed 

            """)
    }
}
