package org.pathwise;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring application; {@link #main} hands the command line to {@link Cli}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PathwiseApplication {

    public static void main(String[] args) {
        int code = Cli.run(args);
        if (code != Cli.SERVING) {
            System.exit(code);
        }
    }
}
