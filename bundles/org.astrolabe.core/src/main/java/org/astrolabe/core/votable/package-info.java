/**
 * Streaming VOTable reading through STIL: {@link org.astrolabe.core.votable.VOTableReader} turns a
 * result document into a {@link org.astrolabe.core.votable.ResultTable} with its
 * {@link org.astrolabe.core.votable.QueryStatus}.
 */
package org.astrolabe.core.votable;
