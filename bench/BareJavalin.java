import io.javalin.Javalin;

/**
 * The yardstick: a bare Javalin handler returning a constant, run from castle.jar's classpath with Java's
 * single-file launcher so both servers use the same Javalin and Jetty. Usage: java -cp castle.jar BareJavalin.java PORT
 */
public class BareJavalin {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        byte[] body = "{\"schema\":\"\\\"string\\\"\"}".getBytes();
        Javalin.create(config -> config.routes.get("/constant", ctx -> ctx.contentType("application/json").result(body)))
                .start("127.0.0.1", port);
    }
}
