package io.payorch.bootstrap.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Filter;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import io.micronaut.views.turbo.TurboStreamRenderer;
import jakarta.inject.Inject;

/**
 * Micronaut Views' filter, for the console's pages only. The stock filter matches every path: each
 * API request went through one more reactive filter that looked for a view to render and never found
 * one. Only the console answers with views ({@link ConsolePages#render}).
 */
@Replaces(ViewsFilter.class)
@Requires(beans = ViewsResolver.class)
@Filter({"/console", "/console/**"})
public class ConsoleViewsFilter extends ViewsFilter {

    @Inject
    public ConsoleViewsFilter(ViewsResolver viewsResolver, ViewsRendererLocator viewsRendererLocator,
                              ViewsModelDecorator viewsModelDecorator, TurboStreamRenderer turboStreamRenderer,
                              TurboFrameRenderer turboFrameRenderer) {
        super(viewsResolver, viewsRendererLocator, viewsModelDecorator, turboStreamRenderer, turboFrameRenderer);
    }
}
