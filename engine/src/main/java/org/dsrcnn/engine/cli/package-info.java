/** The {@code dsrcnn} command line (picocli): one class per subcommand. */
package org.dsrcnn.engine.cli;
