/** The one config record of a model and its training, and the presets that fill it. */
package org.dsrcnn.engine.config;
