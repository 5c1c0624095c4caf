package org.pathwise;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** What a command bean is given in a unit test, where no application runs: a provider of one object, or of none. */
public final class TestProviders {

    private TestProviders() {}

    /** A provider of {@code value}. */
    public static <T> ObjectProvider<T> of(Class<T> type, T value) {
        var beans = new StaticListableBeanFactory();
        beans.addBean(type.getName(), value);
        return beans.getBeanProvider(type);
    }

    /** A provider with nothing to give: a command that asks it fails the test. */
    public static <T> ObjectProvider<T> none(Class<T> type) {
        return new StaticListableBeanFactory().getBeanProvider(type);
    }
}
