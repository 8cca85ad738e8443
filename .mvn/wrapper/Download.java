import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Downloads one URL to a file, for ./mvnw on a machine with a JDK but neither curl nor wget.
 * Run as {@code java Download.java URL FILE}; ./mvnw checks the SHA-256 afterwards.
 */
public class Download {
    public static void main(String[] args) throws Exception {
        try (InputStream in = URI.create(args[0]).toURL().openStream()) {
            Files.copy(in, Path.of(args[1]), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
