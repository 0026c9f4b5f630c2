package org.astrolabe.cli.internal;

import picocli.CommandLine;

/** Builds command objects with the shared {@link CliContext}; anything else picocli builds itself. */
final class CommandFactory implements CommandLine.IFactory {

    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (var constructor : cls.getDeclaredConstructors()) {
            var types = constructor.getParameterTypes();
            if (types.length == 1 && types[0] == CliContext.class) {
                constructor.setAccessible(true);
                return cls.cast(constructor.newInstance(context));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
